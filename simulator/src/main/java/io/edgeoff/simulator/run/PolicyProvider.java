package io.edgeoff.simulator.run;

import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.PolicyContext;
import java.util.List;

/**
 * Creates policies by name for the simulator. The production provider is the decision module's registry
 * ({@code Policies}); tests pass tiny policies of their own.
 */
public interface PolicyProvider {

    /** @return the names this provider knows */
    List<String> names();

    /**
     * Creates a fresh policy for one sampling.
     *
     * @throws IllegalArgumentException naming the known policies when {@code name} is unknown
     */
    OffloadingPolicy create(String name, PolicyContext context);

    /** What the simulator does after a failed attempt of policy {@code name}. */
    FailureResponse onFailure(String name);

    /** @throws IllegalArgumentException naming the known policies when {@code name} is unknown */
    default void requireKnown(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown policy '" + name + "'; known policies: " + names());
        }
    }

    /** Validates a comma-separated list of policy names, e.g. {@code mdp,oracle}. */
    default List<String> parseList(String option, String commaSeparated) {
        List<String> names = java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(option + ": no policy given; known policies: " + names());
        }
        names.forEach(this::requireKnown);
        return names;
    }
}
