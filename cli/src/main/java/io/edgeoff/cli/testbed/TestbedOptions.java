package io.edgeoff.cli.testbed;

import picocli.CommandLine.Mixin;
import io.edgeoff.cli.console.OutOption;
import io.edgeoff.cli.console.ScenarioOption;
import io.edgeoff.cli.console.LatencySeedOption;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.testbed.TestbedConfig;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the test-bed subcommands. */
final class TestbedOptions {
    @Mixin
    ScenarioOption scenarioOption;

    @Option(names = "--run", defaultValue = "1", description = "Run number 1-250: namespaces eo<run>-..., addresses 10.213.<run>.x (default: ${DEFAULT-VALUE}).")
    int runId;

    @Mixin
    LatencySeedOption seedOption;

    /** Process logs, the device's reports and the simulator's output of {@code testbed run --compare}. */
    @Mixin
    OutOption out = new OutOption("target/testbed");

    @Option(names = "--port", defaultValue = "8080", description = "Port of the site service in each site namespace (default: ${DEFAULT-VALUE}).")
    int servicePort;

    /** @return the scenario option's value as given ("seed" or a file) */
    String scenarioName() {
        return scenarioOption.name();
    }

    TestbedConfig config() {
        Scenario scenario = scenarioOption.load();
        Network network = seedOption.network(scenario);
        return new TestbedConfig(scenario, network, runId, List.of(servicePort), TestbedConfig.DEFAULT_PROBE_PORT,
                out.value().toAbsolutePath(), seedOption.orElse(1L));
    }
}
