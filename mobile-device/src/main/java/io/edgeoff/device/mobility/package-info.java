/**
 * A live fleet device's place among the scenario's edge cells: {@link io.edgeoff.device.mobility.CellTracker}
 * reads the device's cell schedule at the device's clock (the simulator's {@link io.edgeoff.common.mobility.DeviceLinks}
 * gives the links of each cell and the planning inputs with the lookahead rule) and
 * {@link io.edgeoff.device.mobility.HandoverWatch} applies the scenario's handover rule to one offload in flight.
 */
package io.edgeoff.device.mobility;
