package io.edgeoff.device.runtime;

import io.edgeoff.device.detector.DetectionStats;

/**
 * Where the runtime records what happened (the database, or memory). Called from worker threads:
 * implementations are thread-safe.
 */
public interface OutcomeSink {

    /** The final outcome of one task (exactly once per task). */
    void task(TaskOutcome outcome);

    /** One finished execution. */
    void execution(ExecutionResult result);

    /** The failure detector's data at the end of a run (detection latencies, false suspicions, failures per site). */
    default void detection(String runId, DetectionStats stats) {
    }

    /** Discards everything. */
    OutcomeSink NONE = new OutcomeSink() {
        @Override
        public void task(TaskOutcome outcome) {
        }

        @Override
        public void execution(ExecutionResult result) {
        }
    };
}
