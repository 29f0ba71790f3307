/**
 * Several devices and their mobility in the simulator: a device's links to the sites in each cell it visits
 * ({@link io.edgeoff.simulator.fleet.DeviceLinks}) and one simulated device of a sampling
 * ({@link io.edgeoff.simulator.fleet.SimulatedDevice}).
 */
package io.edgeoff.simulator.fleet;
