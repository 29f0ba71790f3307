/**
 * The application profiler (seed step 2b): task requirements from the parameter database (the
 * scenario's task kinds), refined online from measured executions.
 */
package io.edgeoff.device.profiler;
