/**
 * Several devices and their mobility in the simulator: one simulated device of a sampling
 * ({@link io.edgeoff.simulator.fleet.SimulatedDevice}), whose links in each cell it visits are the shared
 * {@link io.edgeoff.common.mobility.DeviceLinks} (the live device runtime uses the same class).
 */
package io.edgeoff.simulator.fleet;
