package io.edgeoff.device.client;

import java.util.Objects;

/**
 * One task sent to a site ({@code POST /v1/tasks}).
 *
 * @param idempotencyKey       unique per task of an execution; a retry with the same key is answered from
 *                             the site's replay cache instead of executing twice
 * @param taskName             task name, e.g. {@code COMPARE}
 * @param kind                 task kind name, e.g. {@code DI}
 * @param millionInstructions  work, MI
 * @param outKB                output size the site must return, KB
 * @param input                the task's input bytes
 */
public record TaskRequest(String idempotencyKey, String taskName, String kind, double millionInstructions,
                          double outKB, byte[] input) {
    public TaskRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
    }
}
