package io.edgeoff.prediction.synthetic;

import io.edgeoff.prediction.trace.SeedCategory;

/**
 * Failure process of one seed category: Weibull times between failure starts and lognormal repair times.
 *
 * @param category          the category
 * @param weibullShape       shape of the time between failure starts (&lt; 1: decreasing hazard)
 * @param weibullScaleHours  scale of the time between failure starts, hours
 * @param repairLogMeanMinutes  mean of ln(repair minutes) (lognormal mu)
 * @param repairLogSdMinutes    sd of ln(repair minutes) (lognormal sigma)
 * @param nodes             nodes the fit used
 * @param gaps              inter-failure gaps the fit used
 */
public record CategoryModel(SeedCategory category, double weibullShape, double weibullScaleHours,
                            double repairLogMeanMinutes, double repairLogSdMinutes, int nodes, int gaps) {
    public CategoryModel {
        if (!(weibullShape > 0) || !(weibullScaleHours > 0)) {
            throw new IllegalArgumentException("Weibull shape and scale must be > 0, but were " + weibullShape + ", "
                    + weibullScaleHours);
        }
        if (!(repairLogSdMinutes >= 0)) {
            throw new IllegalArgumentException("lognormal sigma must be >= 0, but was " + repairLogSdMinutes);
        }
    }
}
