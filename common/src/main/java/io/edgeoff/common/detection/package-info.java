/**
 * The failure detector's parameters ({@link io.edgeoff.common.detection.DetectorConfig}): one record that
 * configures the device's live heartbeat detector and the simulator's model of it.
 */
package io.edgeoff.common.detection;
