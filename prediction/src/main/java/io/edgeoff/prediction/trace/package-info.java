/**
 * Failure traces: outages of nodes, read from the LANL failure data (LA-UR-05-7318) or from a generic
 * CSV / JSON-lines format through one {@link io.edgeoff.prediction.trace.TraceReader} interface.
 */
package io.edgeoff.prediction.trace;
