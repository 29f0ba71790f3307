/**
 * The simulator's narrow view of the prediction engine: per trace node, the actual daily availability
 * series and the outages it comes from ({@link io.edgeoff.simulator.availability.NodeHistory}), and a
 * named predictor's forecast for each day ({@link io.edgeoff.simulator.availability.AvailabilitySource}).
 */
package io.edgeoff.simulator.availability;
