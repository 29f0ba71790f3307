package io.edgeoff.simulator.run;

import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.simulator.failure.FailureProcess;
import java.util.Arrays;

/**
 * The simulator's model of which sites the device's failure detector suspects, fed to the policy as
 * {@code SiteOutlook.suspected} (and acted on by the placement loop as the policy's registry entry says). One
 * instance per sampling; single-threaded.
 */
public interface SuspicionModel {

    /** An attempt on {@code site} failed at virtual time {@code nowSeconds}. */
    void attemptFailed(int site, double nowSeconds);

    /** An attempt on {@code site} completed at virtual time {@code nowSeconds}. */
    void attemptSucceeded(int site, double nowSeconds);

    /** @return true when the device suspects {@code site} at virtual time {@code nowSeconds} */
    boolean suspected(int site, double nowSeconds);

    /**
     * @return how long the device takes to know that an attempt started at {@code nowSeconds} on {@code site}, which
     *         is down, failed, s; NaN when the model does not say (the cost model's fixed detection time applies)
     */
    default double detectionSeconds(int site, double nowSeconds) {
        return Double.NaN;
    }

    /** @return false when the model never suspects anything (the simulator then skips it on its hot path) */
    default boolean active() {
        return true;
    }

    /** No suspicion: the outlook's {@code suspected} stays as the failure process gives it. */
    static SuspicionModel none() {
        return None.INSTANCE;
    }

    /**
     * The live detector without heartbeats: a failed attempt is hard evidence (a refused or lost connection, a 5xx)
     * and suspects its site at once; a completed attempt there trusts it again.
     *
     * @param sites number of sites
     */
    static SuspicionModel hardEvidenceOnly(int sites) {
        boolean[] suspected = new boolean[sites];
        return new SuspicionModel() {
            @Override
            public void attemptFailed(int site, double nowSeconds) {
                suspected[site] = true;
            }

            @Override
            public void attemptSucceeded(int site, double nowSeconds) {
                suspected[site] = false;
            }

            @Override
            public boolean suspected(int site, double nowSeconds) {
                return suspected[site];
            }

            @Override
            public String toString() {
                return "hard evidence only " + Arrays.toString(suspected);
            }
        };
    }

    /**
     * The device's heartbeat detector, modelled with its own parameters ({@link DetectorConfig}, the record that
     * configures the live {@code FailureDetector}):
     * <ul>
     *   <li>a site that went down at {@code t} is suspected from {@code t + detectionBound()} (the worst-case
     *       silence before a live suspicion: {@code maxSilence + checkPeriod + heartbeatInterval});</li>
     *   <li>a failed attempt is hard evidence (a refused or lost connection, a 5xx) and suspects the site at once;</li>
     *   <li>a site back up is trusted again at once, or, when a failed attempt had suspected it, at its first
     *       answered heartbeat: {@code heartbeatInterval} after the recovery;</li>
     *   <li>an attempt on a down site that is not yet suspected fails when the detector suspects it: its
     *       detection time is what is left of the delay (the attempt's cost then follows from
     *       {@code CostModel.failedAttemptCost(from, seconds)}).</li>
     * </ul>
     * When a site went down and came back is the failure process's {@link FailureProcess#stateSinceSeconds}.
     */
    static SuspicionModel detector(DetectorConfig config, FailureProcess failures, int sites) {
        return new DetectorModel(config, failures, sites);
    }

    /** The model of {@link #detector}. */
    final class DetectorModel implements SuspicionModel {
        private final FailureProcess failures;
        private final double detectionDelaySeconds;
        private final double heartbeatSeconds;
        private final double[] hardEvidenceAt;

        DetectorModel(DetectorConfig config, FailureProcess failures, int sites) {
            this.failures = java.util.Objects.requireNonNull(failures, "failures");
            this.detectionDelaySeconds = config.detectionBound().toNanos() / 1e9;
            this.heartbeatSeconds = config.heartbeatInterval().toNanos() / 1e9;
            this.hardEvidenceAt = new double[sites];
            Arrays.fill(hardEvidenceAt, Double.NEGATIVE_INFINITY);
        }

        /** @return the modelled delay from a site going down to its suspicion by silence, s */
        public double detectionDelaySeconds() {
            return detectionDelaySeconds;
        }

        @Override
        public void attemptFailed(int site, double nowSeconds) {
            hardEvidenceAt[site] = nowSeconds;
        }

        @Override
        public void attemptSucceeded(int site, double nowSeconds) {
            hardEvidenceAt[site] = Double.NEGATIVE_INFINITY;
        }

        @Override
        public double detectionSeconds(int site, double nowSeconds) {
            return Math.max(0, failures.stateSinceSeconds(site) + detectionDelaySeconds - nowSeconds);
        }

        @Override
        public boolean suspected(int site, double nowSeconds) {
            double since = failures.stateSinceSeconds(site);
            if (!failures.actualUp(nowSeconds)[site]) {
                return hardEvidenceAt[site] >= since || nowSeconds >= since + detectionDelaySeconds;
            }
            return hardEvidenceAt[site] < since && hardEvidenceAt[site] > Double.NEGATIVE_INFINITY
                    && nowSeconds < since + heartbeatSeconds;
        }
    }

    /** The model of {@link #none()}. */
    enum None implements SuspicionModel {
        INSTANCE;

        @Override
        public void attemptFailed(int site, double nowSeconds) {
        }

        @Override
        public void attemptSucceeded(int site, double nowSeconds) {
        }

        @Override
        public boolean suspected(int site, double nowSeconds) {
            return false;
        }

        @Override
        public boolean active() {
            return false;
        }
    }
}
