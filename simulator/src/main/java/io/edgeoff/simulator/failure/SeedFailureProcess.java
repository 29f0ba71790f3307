package io.edgeoff.simulator.failure;

import io.edgeoff.decision.SiteOutlook;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The seed's failure model: at the start of each epoch every traced site advances one trace day and is
 * down for the whole epoch with probability {@code 1 - actual availability of that day}. One uniform draw
 * per traced site per epoch, in site order, whatever the policy does, so that policies compared on the
 * same seed see the same failures. Outlooks are those at the start of the current day.
 */
public final class SeedFailureProcess implements FailureProcess {
    private final SiteTrace[] traces;
    private final int[] dayCursor;
    private final RandomGenerator random;
    private final boolean[] up;
    private final SiteOutlook[] outlooks;
    private final double[] stateSince;
    private long epochs;

    /**
     * @param traces     per site index, its trace, or null for a site that never fails (the device)
     * @param startDays  per site index, the trace day of the first epoch (ignored where the trace is null)
     * @param random     the stream of failure draws
     */
    public SeedFailureProcess(SiteTrace[] traces, int[] startDays, RandomGenerator random) {
        if (traces.length != startDays.length) {
            throw new IllegalArgumentException("one start day per site is needed: " + traces.length + " sites, "
                    + startDays.length + " start days");
        }
        this.traces = traces.clone();
        this.dayCursor = startDays.clone();
        this.random = random;
        this.up = new boolean[traces.length];
        Arrays.fill(up, true);
        this.outlooks = new SiteOutlook[traces.length];
        this.stateSince = new double[traces.length];
        SiteOutlook certain = SiteOutlook.certain();
        for (int s = 0; s < traces.length; s++) {
            outlooks[s] = traces[s] == null ? certain : traces[s].dayStartOutlook(dayCursor[s]);
        }
    }

    @Override
    public void beginEpoch(double nowSeconds) {
        for (int s = 0; s < traces.length; s++) {
            SiteTrace trace = traces[s];
            if (trace == null) {
                continue;
            }
            int day = dayCursor[s];
            double downProbability = 1.0 - trace.actualAvailability(day);
            boolean nowUp = !(random.nextDouble() < downProbability);
            if (nowUp != up[s]) {
                up[s] = nowUp;
                stateSince[s] = nowSeconds;
            }
            outlooks[s] = trace.dayStartOutlook(day);
            dayCursor[s] = (day + 1) % trace.days();
        }
        epochs++;
    }

    @Override
    public boolean attemptFails(int site, double startSeconds, double durationSeconds) {
        return !up[site];
    }

    @Override
    public SiteOutlook outlook(int site, double nowSeconds) {
        return outlooks[site];
    }

    @Override
    public boolean[] actualUp(double nowSeconds) {
        return up;
    }

    @Override
    public double stateSinceSeconds(int site) {
        return stateSince[site];
    }

    @Override
    public long epochs() {
        return epochs;
    }
}
