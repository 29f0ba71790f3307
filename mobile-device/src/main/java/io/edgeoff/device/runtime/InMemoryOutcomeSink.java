package io.edgeoff.device.runtime;

import io.edgeoff.device.detector.DetectionStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every outcome in memory (tests, and the demo's report). Thread-safe. */
public final class InMemoryOutcomeSink implements OutcomeSink {
    private final List<TaskOutcome> tasks = new ArrayList<>();
    private final List<ExecutionResult> executions = new ArrayList<>();
    private final Map<String, DetectionStats> detection = new LinkedHashMap<>();

    @Override
    public synchronized void task(TaskOutcome outcome) {
        tasks.add(outcome);
    }

    @Override
    public synchronized void execution(ExecutionResult result) {
        executions.add(result);
    }

    @Override
    public synchronized void detection(String runId, DetectionStats stats) {
        detection.put(runId, stats);
    }

    public synchronized List<TaskOutcome> tasks() {
        return List.copyOf(tasks);
    }

    public synchronized List<ExecutionResult> executions() {
        return List.copyOf(executions);
    }

    public synchronized Map<String, DetectionStats> detection() {
        return Map.copyOf(detection);
    }
}
