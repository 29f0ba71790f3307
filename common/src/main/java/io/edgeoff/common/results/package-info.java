/**
 * The one results schema of live runs, simulations and the test-bed: a run row per live execution or simulator
 * sampling ({@link io.edgeoff.common.results.ResultRow}), a summary per policy
 * ({@link io.edgeoff.common.results.PolicySummary}), the same unit-suffixed names in CSV
 * ({@link io.edgeoff.common.results.ResultsCsv}, Jackson's CSV format) and JSON
 * ({@link io.edgeoff.common.results.ResultsJson}).
 */
package io.edgeoff.common.results;
