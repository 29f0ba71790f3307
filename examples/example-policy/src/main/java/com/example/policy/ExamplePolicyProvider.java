package com.example.policy;

import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.PolicyProvider;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SuspicionResponse;
import java.util.List;

/**
 * Registers {@link LeastRiskPolicy} as {@code least-risk}. Named in
 * {@code META-INF/services/io.edgeoff.decision.PolicyProvider}, so edgeoff finds it in this jar through
 * {@link java.util.ServiceLoader} when the jar is on {@code --policy-path}.
 */
public final class ExamplePolicyProvider implements PolicyProvider {

    @Override
    public List<PolicySpec> policies() {
        return List.of(new PolicySpec(LeastRiskPolicy.NAME,
                "example plug-in: least expected time with the risk of a failed attempt (examples/example-policy)",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE,   // after a failed attempt: exclude that site, ask again
                SuspicionResponse.EXCLUDE_SUSPECTED,          // a site the failure detector suspects is not offered
                false,                                        // runs live too: does not read the simulator's truth
                context -> new LeastRiskPolicy(context.costModel()),
                List.of("forecast")));
    }
}
