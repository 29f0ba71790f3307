package io.edgeoff.cli.console;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import picocli.CommandLine.Option;

/**
 * {@code --scenario}, declared once for every command that reads a scenario ({@code @Mixin ScenarioOption}): by
 * default {@code seed}; {@link #fromConfig()} for a command whose config file may name it, {@link #required()} for
 * one that needs it given.
 */
public final class ScenarioOption {
    /** The help's default of a command whose scenario otherwise comes from its {@code --config} file. */
    static final String FROM_CONFIG = "the --config file's 'scenario', else seed";
    /** The help's default of a command that needs the option. */
    static final String REQUIRED = "none, required";

    @Option(names = "--scenario", paramLabel = "seed|FILE",
            description = "'seed', 'campus-3-devices' or 'commuter-3-hotspots' (built in) or a scenario YAML file "
                    + "(default: ${DEFAULT-VALUE}).")
    String name = "seed";

    /** An option defaulting to the built-in {@code seed} scenario. */
    public ScenarioOption() {
    }

    private ScenarioOption(String defaultName) {
        this.name = defaultName;
    }

    /** An option whose default is the {@code scenario} field of the command's configuration file. */
    public static ScenarioOption fromConfig() {
        return new ScenarioOption(FROM_CONFIG);
    }

    /** An option that must be given ({@link #name()} says so when it was not). */
    public static ScenarioOption required() {
        return new ScenarioOption(REQUIRED);
    }

    /**
     * @return the value as given: "seed" or a file name; null when not given to a {@link #fromConfig()} option
     * @throws IllegalArgumentException when not given to a {@link #required()} option
     */
    public String name() {
        if (REQUIRED.equals(name)) {
            throw new IllegalArgumentException("--scenario is required: a scenario YAML file or 'seed'");
        }
        return FROM_CONFIG.equals(name) ? null : name;
    }

    /** @return the scenario, loaded */
    public Scenario load() {
        return ScenarioYaml.load(name());
    }
}
