/**
 * A minimal discrete-event core: events ordered by virtual time, then by the order in which they were
 * scheduled; a virtual clock that only moves when an event is taken. Nothing is periodic: every event
 * schedules its successors.
 */
package io.edgeoff.simulator.engine;
