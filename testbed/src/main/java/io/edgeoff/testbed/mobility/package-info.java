/**
 * Mobility in the test-bed: the cell switches of a fleet's devices computed from their cell schedules
 * ({@link io.edgeoff.testbed.mobility.CellSwitch}) and executed against the running network while a run goes
 * ({@link io.edgeoff.testbed.mobility.CellSwitcher}).
 */
package io.edgeoff.testbed.mobility;
