package io.edgeoff.experiment;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.prediction.FailureTimeline;
import io.edgeoff.prediction.Reliability;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.simulator.failure.FailureProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live run's outage schedule as the simulator's failure process for one execution: virtual time {@code v} of the
 * simulated execution is live time {@code liveStartSeconds + v} (seconds since the live run started), so the simulated
 * execution meets the outages the live one met. An attempt fails when an outage of its site overlaps it. The outlook
 * is what the live sites served: predicted availability {@code forecast} and, from the outages begun so far (in trace
 * time, {@link DemoTimeScale}), MTBF and time since the last failure, as the sites' failure files give them.
 */
final class ScheduleFailures implements FailureProcess {
    private final double[][] starts;
    private final double[][] ends;
    private final FailureTimeline[] timelines;
    private final double liveStartSeconds;
    private final DemoTimeScale scale;
    private final double forecast;
    private final boolean[] up;
    private double lastVirtual;

    /**
     * @param outages           per site index, its outages as {start, end} in live seconds (empty for the device)
     * @param liveStartSeconds  when the live execution started, seconds since the live run started
     * @param forecast          the predicted availability the sites served
     */
    ScheduleFailures(List<List<double[]>> outages, double liveStartSeconds, DemoTimeScale scale, double forecast) {
        int n = outages.size();
        this.starts = new double[n][];
        this.ends = new double[n][];
        this.timelines = new FailureTimeline[n];
        for (int s = 0; s < n; s++) {
            List<double[]> list = outages.get(s);
            starts[s] = list.stream().mapToDouble(o -> o[0]).toArray();
            ends[s] = list.stream().mapToDouble(o -> o[1]).toArray();
            NodeId node = new NodeId(0, s);
            List<Outage> trace = new ArrayList<>();
            for (double[] o : list) {
                trace.add(new Outage(node, traceInstant(o[0], scale),
                        Duration.ofMillis(Math.max(1, Math.round(scale.traceSeconds(o[1] - o[0]) * 1000)))));
            }
            timelines[s] = FailureTimeline.of(node, trace);
        }
        this.liveStartSeconds = liveStartSeconds;
        this.scale = scale;
        this.forecast = forecast;
        this.up = new boolean[n];
    }

    private static Instant traceInstant(double liveSeconds, DemoTimeScale scale) {
        return Instant.EPOCH.plusMillis(Math.round(scale.traceSeconds(liveSeconds + 1e6) * 1000));
    }

    private double live(double virtualSeconds) {
        lastVirtual = Math.max(lastVirtual, virtualSeconds);
        return liveStartSeconds + virtualSeconds;
    }

    private boolean down(int site, double liveSeconds) {
        for (int i = 0; i < starts[site].length; i++) {
            if (starts[site][i] <= liveSeconds && liveSeconds < ends[site][i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beginEpoch(double nowSeconds) {
        live(nowSeconds);
    }

    @Override
    public boolean attemptFails(int site, double startSeconds, double durationSeconds) {
        double from = live(startSeconds);
        double to = from + durationSeconds;
        for (int i = 0; i < starts[site].length; i++) {
            if (starts[site][i] < to && ends[site][i] > from) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SiteOutlook outlook(int site, double nowSeconds) {
        double now = live(nowSeconds);
        if (starts[site].length == 0) {
            return new SiteOutlook(forecast, 1 - forecast, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    false);
        }
        Reliability r = timelines[site].at(traceInstant(now, scale));
        return new SiteOutlook(forecast, 1 - forecast, 0, r.mtbfHours(), Math.max(0, r.hoursSinceLastFailure()),
                false);
    }

    @Override
    public boolean[] actualUp(double nowSeconds) {
        double now = live(nowSeconds);
        for (int s = 0; s < up.length; s++) {
            up[s] = !down(s, now);
        }
        return up;
    }

    @Override
    public double stateSinceSeconds(int site) {
        double now = liveStartSeconds + lastVirtual;
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < starts[site].length; i++) {
            if (starts[site][i] <= now) {
                last = Math.max(last, starts[site][i]);
            }
            if (ends[site][i] <= now) {
                last = Math.max(last, ends[site][i]);
            }
        }
        return Double.isInfinite(last) ? 0 : last - liveStartSeconds;
    }
}
