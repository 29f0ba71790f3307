package io.edgeoff.device.monitor;

import java.util.List;

/**
 * Which of a site's forecasts each policy is shown ({@code GET /v1/availability?predictor=NAME}): the seed's
 * {@code seed-mdp-svr} plans with the seed's SVR, every other policy with the prediction engine's best walk-forward
 * model ({@code best}). Both are trained by the site on its history trace and its failure file. A site that does not
 * serve the name (an older site, a test double) is read without one: its default model.
 */
public final class PolicyForecasts {
    /** The seed's SVR. */
    public static final String SVR = "svr";
    /** The prediction engine's best walk-forward model. */
    public static final String BEST = "best";
    /** Every name a device asks for. */
    public static final List<String> ALL = List.of(BEST, SVR);

    private PolicyForecasts() {
    }

    /** @return the predictor name whose forecast {@code policyName} plans with */
    public static String predictorFor(String policyName) {
        return "seed-mdp-svr".equals(policyName) ? SVR : BEST;
    }
}
