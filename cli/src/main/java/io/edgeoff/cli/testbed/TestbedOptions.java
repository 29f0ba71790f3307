package io.edgeoff.cli.testbed;

import io.edgeoff.common.network.Network;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.testbed.TestbedConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;

/** Options shared by the test-bed subcommands. */
final class TestbedOptions {
    @Option(names = "--scenario", defaultValue = "seed", description = "'seed' or a scenario YAML file (default: ${DEFAULT-VALUE}).")
    String scenarioName;

    @Option(names = "--run", defaultValue = "1", description = "Run number 1-250: namespaces eo<run>-..., addresses 10.213.<run>.x (default: ${DEFAULT-VALUE}).")
    int runId;

    @Option(names = "--seed", description = "Draw distributed latencies (the cloud's) once with this seed (default: their means).")
    Long seed;

    @Option(names = "--work-dir", defaultValue = "target/testbed", description = "Directory for process logs (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the site service in each site namespace (default: ${DEFAULT-VALUE}).")
    int servicePort;

    TestbedConfig config() {
        Scenario scenario = ScenarioYaml.load(scenarioName);
        Network network = seed == null ? scenario.meanNetwork() : scenario.network(new SplittableRandom(seed));
        return new TestbedConfig(scenario, network, runId, List.of(servicePort), TestbedConfig.DEFAULT_PROBE_PORT,
                workDir.toAbsolutePath(), seed == null ? 1L : seed);
    }
}
