package io.edgeoff.cli.console;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import picocli.CommandLine.Option;

/** {@code --scenario}, declared once for every command that reads a scenario ({@code @Mixin ScenarioOption}). */
public final class ScenarioOption {
    @Option(names = "--scenario", defaultValue = "seed", paramLabel = "seed|FILE",
            description = "'seed' (built in) or a scenario YAML file (default: ${DEFAULT-VALUE}).")
    String name;

    /** @return the value as given: "seed" or a file name */
    public String name() {
        return name;
    }

    /** @return the scenario, loaded */
    public Scenario load() {
        return ScenarioYaml.load(name);
    }
}
