/**
 * {@code edgeoff device}, {@code edgeoff demo} and {@code edgeoff detection-bench}: flags and printing only; the
 * runs themselves are in the {@code experiment} module ({@link io.edgeoff.experiment.LiveRun},
 * {@link io.edgeoff.experiment.Demo}, {@link io.edgeoff.experiment.DetectionBench}).
 */
package io.edgeoff.cli.device;
