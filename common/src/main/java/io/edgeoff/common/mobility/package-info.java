/**
 * Several devices and their mobility between edge cells, as a scenario declares them ({@code devices:},
 * {@code cells:}, {@code mobility:}; see {@code docs/SCENARIO.md}): each device's workload and links to the sites
 * ({@link io.edgeoff.common.mobility.DeviceSpec}), the cells that change those links
 * ({@link io.edgeoff.common.mobility.Cell}), a device's schedule of cells over time
 * ({@link io.edgeoff.common.mobility.CellSchedule}) and what happens to an offload in flight at a handover
 * ({@link io.edgeoff.common.mobility.HandoverRule}). A scenario without these sections has
 * {@link io.edgeoff.common.mobility.Fleet#none()}: one device, fixed in place, as in the seed.
 */
package io.edgeoff.common.mobility;
