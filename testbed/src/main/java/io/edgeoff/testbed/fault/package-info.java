/**
 * Real failures in the test-bed: a fault plan (site process crash, link down, degradation with
 * extra delay and loss), read from a CSV file or derived from a failure trace's outages, turned
 * into a time-compressed schedule of actions and executed against the running test-bed.
 */
package io.edgeoff.testbed.fault;
