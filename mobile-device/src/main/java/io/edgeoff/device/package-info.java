/**
 * The mobile device runtime (seed workflow steps 2b, 2c, 3a-3c, 4a, 5a, 5b): the application
 * {@linkplain io.edgeoff.device.profiler profiler}, the {@linkplain io.edgeoff.device.monitor resource
 * monitor}, the {@linkplain io.edgeoff.device.detector failure detector}, the
 * {@linkplain io.edgeoff.device.client offloading client}, the {@linkplain io.edgeoff.device.runtime DAG
 * runtime} and the seeded {@linkplain io.edgeoff.device.workload workload}. The core depends only on the
 * JDK ({@code java.net.http}), Jackson and the domain and decision modules, so it can run on Android.
 */
package io.edgeoff.device;
