package io.edgeoff.device.workload;

import java.util.Map;
import java.util.Objects;

/**
 * What a task bound to a handler runs: the handler, its parameters, and the size of the input generated for it when it
 * is a root of its DAG ({@code io.edgeoff.handlers.BuiltInHandlers#input}: unit per handler).
 *
 * @param handler        handler name, not blank
 * @param parameters     the handler's parameters (copied)
 * @param rootInputSize  size of a root task's generated input, &gt;= 1, in the handler's unit
 */
public record HandlerTask(String handler, Map<String, String> parameters, int rootInputSize) {
    public HandlerTask {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("handler must not be blank, but was '" + handler + "'");
        }
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (rootInputSize < 1) {
            throw new IllegalArgumentException("rootInputSize of " + handler + " must be >= 1, but was " + rootInputSize);
        }
    }
}
