/**
 * Availability per time slot of one node ({@link io.edgeoff.prediction.availability.AvailabilitySeries}) and
 * its reliability figures (MTBF, MTTR: {@link io.edgeoff.prediction.availability.NodeReliability}).
 */
package io.edgeoff.prediction.availability;
