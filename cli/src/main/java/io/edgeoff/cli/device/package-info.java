/**
 * {@code edgeoff device}, {@code edgeoff demo} and {@code edgeoff detection-bench}: the live device against
 * running sites, the one-machine demonstration that starts four site processes and compares policies,
 * and the failure-detection latency benchmark.
 */
package io.edgeoff.cli.device;
