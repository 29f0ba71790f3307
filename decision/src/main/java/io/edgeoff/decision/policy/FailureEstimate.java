package io.edgeoff.decision.policy;

import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.decision.SiteOutlook;

/** How a per-task MDP turns what is known of a site into its failure probability {@code fp}. */
@FunctionalInterface
public interface FailureEstimate {

    /** @return probability in [0,1] that an attempt on {@code site} fails */
    double failureProbability(Site site, SiteOutlook outlook);

    /** Ignores failures (energy-efficient, mobile-cloud). */
    static FailureEstimate none() {
        return (site, outlook) -> 0.0;
    }

    /**
     * MDP-SVR (ORIGINAL.md section 6): {@code fp = 1 - predicted availability}, except 0 for an edge
     * site predicted at or above {@code edgeThreshold} (seed: 0.95). A suspected site counts as down.
     */
    static FailureEstimate predictedAvailability(double edgeThreshold) {
        return (site, outlook) -> {
            if (!site.isRemote()) {
                return 0.0;
            }
            if (outlook.suspected()) {
                return 1.0;
            }
            if (site.kind() == SiteKind.EDGE && outlook.predictedAvailability() >= edgeThreshold) {
                return 0.0;
            }
            return 1.0 - outlook.predictedAvailability();
        };
    }

    /**
     * EFPO: {@code fp = round(1 - exp(-time since last failure / MTBF), 2)}, the probability (exponential
     * model) that the next failure has happened by now; 0 for a site that never failed.
     */
    static FailureEstimate mtbf() {
        return (site, outlook) -> {
            if (!site.isRemote() || Double.isInfinite(outlook.mtbfHours())) {
                return 0.0;
            }
            double fp = 1.0 - Math.exp(-outlook.hoursSinceLastFailure() / outlook.mtbfHours());
            return Math.round(fp * 100.0) / 100.0;
        };
    }
}
