package io.edgeoff.simulator.run;

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
