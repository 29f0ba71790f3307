package io.edgeoff.database;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What an experiment run is: scenario, policy, mode, configuration and seed.
 *
 * @param scenarioName     the scenario's name
 * @param policy           the offloading policy, e.g. {@code mdp}
 * @param mode             simulated or live
 * @param configurationId  the experiment configuration (node candidates), if any; &gt;= 1
 * @param seed             the seed of every random choice in the run
 * @param description      free text, may be empty
 */
public record RunSpec(String scenarioName, String policy, RunMode mode, OptionalInt configurationId, long seed,
                      String description) {
    public RunSpec {
        if (scenarioName == null || scenarioName.isBlank()) {
            throw new IllegalArgumentException("run scenario name must not be blank");
        }
        if (policy == null || policy.isBlank()) {
            throw new IllegalArgumentException("run policy must not be blank");
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(configurationId, "configurationId");
        Objects.requireNonNull(description, "description");
        if (configurationId.isPresent() && configurationId.getAsInt() < 1) {
            throw new IllegalArgumentException("run configuration id must be >= 1, but was "
                    + configurationId.getAsInt());
        }
    }
}
