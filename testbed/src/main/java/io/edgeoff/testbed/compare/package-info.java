/**
 * Test-bed versus simulator: both sides' run files read by the one results reader
 * ({@link io.edgeoff.common.results.ResultsCsv}), summarised per policy and execution, side by side.
 */
package io.edgeoff.testbed.compare;
