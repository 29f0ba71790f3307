package io.edgeoff.twin;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.simulator.engine.Simulation;
import io.edgeoff.simulator.failure.FailureProcess;
import java.util.Arrays;

/**
 * A failure process of the twin tests: each site is up or down as the test sets {@link #up}; an attempt fails when
 * its site is down as it starts; outlooks are fixed.
 */
class StateFailureProcess implements FailureProcess {
    final boolean[] up;
    private final SiteOutlook[] outlooks;

    StateFailureProcess(SiteOutlook[] outlooks) {
        this.outlooks = outlooks.clone();
        this.up = new boolean[outlooks.length];
        Arrays.fill(up, true);
    }

    @Override
    public void start(Simulation simulation) {
    }

    @Override
    public void beginEpoch(double nowSeconds) {
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
}
