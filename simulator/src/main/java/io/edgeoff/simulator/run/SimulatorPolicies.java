package io.edgeoff.simulator.run;

import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies the simulator runs: every engine of the decision module's registry ({@link Policies}), plus the
 * simulator-only diagnostic {@link OraclePolicy oracle}.
 */
public final class SimulatorPolicies implements PolicyProvider {

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(Policies.names());
        names.add(OraclePolicy.NAME);
        return names;
    }

    @Override
    public OffloadingPolicy create(String name, PolicyContext context) {
        if (name.equals(OraclePolicy.NAME)) {
            return new OraclePolicy(context.costModel());
        }
        requireKnown(name);
        return Policies.create(name, context);
    }

    @Override
    public FailureResponse onFailure(String name) {
        if (name.equals(OraclePolicy.NAME)) {
            return FailureResponse.EXCLUDE_SITE_AND_REDECIDE;
        }
        requireKnown(name);
        return Policies.onFailure(name);
    }

    /** @return a one-line description of {@code name} */
    public static String description(String name) {
        if (name.equals(OraclePolicy.NAME)) {
            return "diagnostic, simulator only: knows which sites are up and takes the fastest of them";
        }
        return Policies.description(name);
    }
}
