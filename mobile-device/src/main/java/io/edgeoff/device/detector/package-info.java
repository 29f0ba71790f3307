/**
 * The failure detector: per-request deadlines derived from a task's expected time, connection refusals,
 * broken connections and 5xx answers as hard evidence, and heartbeats ({@code GET /v1/health}) with a
 * phi-accrual suspicion level (Hayashibara et al., "The phi accrual failure detector", SRDS 2004) capped
 * by a maximum silence, so a crashed or hung site is suspected within a configured bound. It records
 * failure-estimation data: detection latency, false suspicions and failures per site.
 */
package io.edgeoff.device.detector;
