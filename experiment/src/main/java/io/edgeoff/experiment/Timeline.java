package io.edgeoff.experiment;

import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.TaskOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened when during a live run, in seconds since the timeline's origin: each site's outages (the schedule
 * the sites replay, when known), each policy's executions, and every offloading attempt with its result. Filled as
 * the run goes (it is an {@link OutcomeSink}: a task's attempts are stamped when its outcome arrives, each attempt
 * ending where the next began), read by the report's and the status page's timeline charts and by the per-policy
 * detector counts. Thread-safe.
 */
public final class Timeline implements OutcomeSink {
    /** An outage of {@code site} from {@code startSeconds} to {@code endSeconds}. */
    public record OutageSpan(String site, double startSeconds, double endSeconds, String mode) {
    }

    /** One execution of {@code policy}, from {@code startSeconds} to {@code endSeconds}. */
    public record ExecutionSpan(String policy, int execution, double startSeconds, double endSeconds) {
    }

    /** One offloading attempt of {@code policy} on {@code site}, begun at {@code atSeconds}. */
    public record AttemptMark(String policy, String site, double atSeconds, boolean failed) {
    }

    /** A consistent copy of the timeline. */
    public record Snapshot(List<OutageSpan> outages, List<ExecutionSpan> executions, List<AttemptMark> attempts,
                           double nowSeconds) {
        public Snapshot {
            outages = List.copyOf(outages);
            executions = List.copyOf(executions);
            attempts = List.copyOf(attempts);
        }

        /** @return the policy whose execution ran at {@code seconds}, or null (between executions) */
        public String policyAt(double seconds) {
            for (ExecutionSpan e : executions) {
                if (seconds >= e.startSeconds() && seconds <= e.endSeconds()) {
                    return e.policy();
                }
            }
            return null;
        }
    }

    private final Instant origin;
    private final long originNanos;
    private final java.util.function.LongSupplier nanos;
    private final List<OutageSpan> outages = new ArrayList<>();
    private final List<ExecutionSpan> executions = new ArrayList<>();
    private final List<AttemptMark> attempts = new ArrayList<>();
    private final Map<String, Double> started = new LinkedHashMap<>();

    private final String deviceId;

    /**
     * A timeline whose origin is now.
     *
     * @param deviceId the device's site id: its attempts are local runs, not offloads, and are not marked
     */
    public Timeline(String deviceId) {
        this(deviceId, Instant.now(), System::nanoTime);
    }

    /**
     * @param origin  the wall-clock instant of the timeline's zero (to place timestamps such as suspicions)
     * @param nanos   the monotonic clock; its value now is the timeline's zero
     */
    Timeline(String deviceId, Instant origin, java.util.function.LongSupplier nanos) {
        this.deviceId = java.util.Objects.requireNonNull(deviceId, "deviceId");
        this.origin = origin;
        this.nanos = nanos;
        this.originNanos = nanos.getAsLong();
    }

    /** @return seconds since the origin, now */
    public double nowSeconds() {
        return (nanos.getAsLong() - originNanos) / 1e9;
    }

    /** @return {@code instant} in seconds since the origin */
    public double secondsOf(Instant instant) {
        return (instant.toEpochMilli() - origin.toEpochMilli()) / 1000.0;
    }

    public synchronized void outage(String site, double startSeconds, double endSeconds, String mode) {
        outages.add(new OutageSpan(site, startSeconds, endSeconds, mode));
    }

    /** Marks the start of an execution of {@code policy}. */
    public synchronized void executionStarted(String policy) {
        started.put(policy, nowSeconds());
    }

    @Override
    public synchronized void execution(ExecutionResult result) {
        double end = nowSeconds();
        double start = started.getOrDefault(result.policy(), end - result.responseSeconds());
        executions.add(new ExecutionSpan(result.policy(), result.execution(), start, end));
    }

    @Override
    public void task(TaskOutcome outcome) {
        double end = nowSeconds();
        List<Attempt> list = outcome.attempts();
        double[] begins = new double[list.size()];
        for (int i = list.size() - 1; i >= 0; i--) {
            end -= list.get(i).seconds();
            begins[i] = end;
        }
        synchronized (this) {
            for (int i = 0; i < list.size(); i++) {
                Attempt a = list.get(i);
                if (!a.siteId().equals(deviceId)) {
                    attempts.add(new AttemptMark(outcome.policy(), a.siteId(), begins[i], !a.succeeded()));
                }
            }
        }
    }

    @Override
    public void detection(String runId, DetectionStats stats) {
        // the detector's episodes are read at the end of the run (perPolicy)
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(outages, executions, attempts, nowSeconds());
    }

    /**
     * The detector's suspicions attributed to the policy whose execution was running when each was raised
     * (suspicions between executions are attributed to none).
     *
     * @return per policy: {suspicions, false suspicions}
     */
    public Map<String, int[]> suspicionsPerPolicy(List<String> policies, List<SuspicionEpisode> episodes) {
        Snapshot s = snapshot();
        Map<String, int[]> counts = new LinkedHashMap<>();
        policies.forEach(p -> counts.put(p, new int[2]));
        for (SuspicionEpisode e : episodes) {
            if (e.suspectedAt() == null) {
                continue;
            }
            String policy = s.policyAt(secondsOf(e.suspectedAt()));
            int[] c = policy == null ? null : counts.get(policy);
            if (c != null) {
                c[0]++;
                c[1] += e.falseSuspicion() ? 1 : 0;
            }
        }
        return counts;
    }
}
