package io.edgeoff.simulator.failure;

import io.edgeoff.decision.SiteOutlook;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.random.RandomGenerator;

/**
 * The seed's failure model: at the start of each epoch every traced site advances one trace day and is
 * down for the whole epoch with probability {@code 1 - actual availability of that day}. One uniform draw
 * per traced site per epoch, in site order, whatever the policy does, so that policies compared on the
 * same seed see the same failures. Outlooks are those at the start of the current day.
 *
 * <p>The clairvoyant bound looks ahead ({@link #earliestSuccessStart}): the draws of future epochs are then made
 * early, in the same order (epoch by epoch, site by site, from the same stream), kept, and used when their epochs
 * begin, so looking ahead changes no failure.
 */
public final class SeedFailureProcess implements FailureProcess {
    private final SiteTrace[] traces;
    private final int[] dayCursor;
    private final RandomGenerator random;
    private final boolean[] up;
    private final SiteOutlook[] outlooks;
    private final double[] stateSince;
    /** Up states of the epochs drawn ahead, the next epoch first (each indexed by site). */
    private final ArrayDeque<boolean[]> drawnAhead = new ArrayDeque<>();
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
        boolean[] drawn = drawnAhead.isEmpty() ? draw(0) : drawnAhead.poll();
        for (int s = 0; s < traces.length; s++) {
            SiteTrace trace = traces[s];
            if (trace == null) {
                continue;
            }
            int day = dayCursor[s];
            if (drawn[s] != up[s]) {
                up[s] = drawn[s];
                stateSince[s] = nowSeconds;
            }
            outlooks[s] = trace.dayStartOutlook(day);
            dayCursor[s] = (day + 1) % trace.days();
        }
        epochs++;
    }

    /**
     * Draws the up state of every site for the epoch {@code epochsAhead} epochs after the next one to begin: one
     * uniform per traced site, in site order, against that epoch's trace day.
     */
    private boolean[] draw(int epochsAhead) {
        boolean[] drawn = new boolean[traces.length];
        for (int s = 0; s < traces.length; s++) {
            SiteTrace trace = traces[s];
            if (trace == null) {
                drawn[s] = true;
                continue;
            }
            int day = (dayCursor[s] + epochsAhead) % trace.days();
            double downProbability = 1.0 - trace.actualAvailability(day);
            drawn[s] = !(random.nextDouble() < downProbability);
        }
        return drawn;
    }

    /**
     * A site's state is constant during an epoch, so an attempt succeeds at its start or not at all in that epoch.
     */
    @Override
    public double earliestSuccessStart(int epochsAhead, int site, double startSeconds, double durationSeconds) {
        if (epochsAhead < 0) {
            throw new IllegalArgumentException("epochsAhead must be >= 0, but was " + epochsAhead);
        }
        while (drawnAhead.size() <= epochsAhead) {
            drawnAhead.add(draw(drawnAhead.size()));
        }
        Iterator<boolean[]> it = drawnAhead.iterator();
        for (int k = 0; k < epochsAhead; k++) {
            it.next();
        }
        return it.next()[site] ? startSeconds : Double.POSITIVE_INFINITY;
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
