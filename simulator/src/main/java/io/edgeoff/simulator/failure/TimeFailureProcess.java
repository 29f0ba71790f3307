package io.edgeoff.simulator.failure;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.simulator.engine.Simulation;
import java.util.Arrays;

/**
 * Trace replay in virtual time: site {@code s} is at trace position {@code offset[s] + t * compression}
 * (seconds since its series start, replayed cyclically) at virtual time {@code t}. Each outage start and
 * end is one event that flips the site's up state (the state the {@code myopic-oracle} sees); an attempt fails
 * when an outage overlaps any moment of it.
 */
public final class TimeFailureProcess implements FailureProcess {
    private final SiteTrace[] traces;
    private final double[] offsetSeconds;
    private final double compression;
    private final boolean[] up;
    private final double[] stateSince;
    private long transitions;

    /**
     * @param traces         per site index, its trace, or null for a site that never fails
     * @param offsetSeconds  per site index, the trace position at virtual time 0, s
     * @param compression    trace seconds per simulated second, &gt; 0
     */
    public TimeFailureProcess(SiteTrace[] traces, double[] offsetSeconds, double compression) {
        if (!(compression > 0) || !Double.isFinite(compression)) {
            throw new IllegalArgumentException("time compression must be > 0, but was " + compression);
        }
        if (traces.length != offsetSeconds.length) {
            throw new IllegalArgumentException("one offset per site is needed");
        }
        this.traces = traces.clone();
        this.offsetSeconds = offsetSeconds.clone();
        this.compression = compression;
        this.up = new boolean[traces.length];
        this.stateSince = new double[traces.length];
        Arrays.fill(up, true);
    }

    @Override
    public void start(Simulation simulation) {
        for (int s = 0; s < traces.length; s++) {
            if (traces[s] != null) {
                double offset = offsetSeconds[s];
                up[s] = !traces[s].downAt(offset);
                double[] boundaries = traces[s].boundaries();
                if (boundaries.length > 0) {
                    scheduleTransition(simulation, s, boundaries, 0, traces[s].firstBoundaryAfter(offset));
                }
            }
        }
    }

    /** Schedules boundary {@code index} of cycle {@code cycle} (wrapping to the next cycle past the last boundary). */
    private void scheduleTransition(Simulation simulation, int site, double[] boundaries, long cycle, int index) {
        long c = cycle;
        int i = index;
        if (i == boundaries.length) {
            c++;
            i = 0;
        }
        double position = c * traces[site].lengthSeconds() + boundaries[i];
        boolean goesDown = i % 2 == 0;
        double time = Math.max(simulation.nowSeconds(), (position - offsetSeconds[site]) / compression);
        long thisCycle = c;
        int thisIndex = i;
        simulation.scheduleAt(time, sim -> {
            up[site] = !goesDown;
            stateSince[site] = sim.nowSeconds();
            transitions++;
            scheduleTransition(sim, site, boundaries, thisCycle, thisIndex + 1);
        });
    }

    @Override
    public void beginEpoch(double nowSeconds) {
        // outages are events of their own
    }

    @Override
    public boolean attemptFails(int site, double startSeconds, double durationSeconds) {
        SiteTrace trace = traces[site];
        return trace != null && trace.downDuring(position(site, startSeconds), durationSeconds * compression);
    }

    /**
     * Outages do not depend on epochs: the earliest start whose attempt overlaps no outage, found by jumping to the
     * end of the outage that the attempt would overlap ({@link SiteTrace#endOfOverlappingOutage}) and checked with
     * {@link #attemptFails} itself, so that the run agrees to the bit.
     */
    @Override
    public double earliestSuccessStart(int epochsAhead, int site, double startSeconds, double durationSeconds) {
        SiteTrace trace = traces[site];
        if (trace == null) {
            return startSeconds;
        }
        double span = durationSeconds * compression;
        if (span >= trace.lengthSeconds()) {
            return trace.outageCount() == 0 ? startSeconds : Double.POSITIVE_INFINITY;
        }
        double start = startSeconds;
        // each jump passes one outage's end, so a start is found within one cycle (plus a few rounding steps)
        int limit = 2 * trace.outageCount() + 8;
        for (int jumps = 0; jumps < limit; jumps++) {
            if (!attemptFails(site, start, durationSeconds)) {
                return start;
            }
            double position = position(site, start);
            double end = trace.endOfOverlappingOutage(position, span);
            double target = (end - offsetSeconds[site]) / compression;
            if (target <= start) {
                // rounding put the start a hair before the outage's end: step past it by a few ulps of the position
                target = start + 4 * Math.ulp(end) / compression;
            }
            start = Math.max(Math.nextUp(start), target);
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public SiteOutlook outlook(int site, double nowSeconds) {
        SiteTrace trace = traces[site];
        return trace == null ? SiteOutlook.certain() : trace.outlookAt(position(site, nowSeconds));
    }

    @Override
    public boolean[] actualUp(double nowSeconds) {
        return up;
    }

    @Override
    public double stateSinceSeconds(int site) {
        return stateSince[site];
    }

    /** @return number of outage starts and ends handled so far */
    public long transitions() {
        return transitions;
    }

    private double position(int site, double virtualSeconds) {
        return offsetSeconds[site] + virtualSeconds * compression;
    }
}
