/**
 * Live experiments: the device against running sites ({@link io.edgeoff.experiment.LiveRun}), the one-machine demo
 * that starts the sites as processes first ({@link io.edgeoff.experiment.Demo}), the policy comparison they share
 * ({@link io.edgeoff.experiment.LiveComparison}) with its reports, and the failure-detection benchmark
 * ({@link io.edgeoff.experiment.DetectionBench}). The command line only parses flags, calls these and prints.
 */
package io.edgeoff.experiment;
