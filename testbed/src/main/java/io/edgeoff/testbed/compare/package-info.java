/**
 * Test-bed versus simulator: per-policy results of both sides in the same units and the
 * side-by-side table.
 */
package io.edgeoff.testbed.compare;
