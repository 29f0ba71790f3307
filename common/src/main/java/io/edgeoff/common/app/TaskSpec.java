package io.edgeoff.common.app;

import java.util.Objects;

/**
 * A task of an application as configured. Resource ranges come from its kind unless overridden.
 *
 * @param name         task name, unique within its application
 * @param kind         task kind (resource ranges)
 * @param memoryGb     memory the task needs, GB, &gt;= 0
 * @param offloadable  false for tasks that must run on the device (GUI, sensors)
 */
public record TaskSpec(String name, TaskKind kind, double memoryGb, boolean offloadable) {
    public TaskSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("task name must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        if (!(memoryGb >= 0) || !Double.isFinite(memoryGb)) {
            throw new IllegalArgumentException("task " + name + ": memoryGb must be >= 0, but was " + memoryGb);
        }
    }
}
