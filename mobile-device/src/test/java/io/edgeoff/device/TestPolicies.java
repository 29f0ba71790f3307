package io.edgeoff.device;

import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SuspicionResponse;

/** Registry entries for the tests' own policies (the instance is passed to the runtime directly). */
public final class TestPolicies {
    private TestPolicies() {
    }

    /** An entry named {@code test} with the given responses; its factory is not used by the runtime. */
    public static PolicySpec spec(FailureResponse onFailure, SuspicionResponse onSuspicion) {
        return new PolicySpec("test", "a test's own policy", onFailure, onSuspicion, false,
                ctx -> {
                    throw new UnsupportedOperationException("the test passes its policy instance");
                });
    }
}
