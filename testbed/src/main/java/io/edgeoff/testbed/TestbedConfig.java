package io.edgeoff.testbed;

import io.edgeoff.common.network.Network;
import io.edgeoff.common.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to build.
 *
 * @param scenario     the scenario whose sites and links are emulated (with {@code devices:}, a namespace per
 *                     device: {@link io.edgeoff.testbed.net.TopologyPlan#ofFleet})
 * @param network      its links resolved for one configuration (random latencies drawn or at their mean)
 * @param runId        run number, 1 to 250: names {@code eo<run>-...} and addresses {@code 10.213.<run>.x}
 * @param servicePorts ports of each site's service that the relay forwards (same port behind it, on 127.0.0.1)
 * @param probePort    port of the measurement probe in each site namespace
 * @param workDir      where process logs go
 * @param seed         seed of the relays' connection-drop decisions
 */
public record TestbedConfig(Scenario scenario, Network network, int runId, List<Integer> servicePorts,
                            int probePort, Path workDir, long seed) {
    /** Port of the site service inside each site namespace. */
    public static final int DEFAULT_SERVICE_PORT = 8080;
    /** Port of the measurement probe. */
    public static final int DEFAULT_PROBE_PORT = 9100;

    public TestbedConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(workDir, "workDir");
        servicePorts = List.copyOf(servicePorts);
        if (runId < 1 || runId > 250) {
            throw new IllegalArgumentException("run id must be in [1, 250], but was " + runId);
        }
        io.edgeoff.testbed.net.TopologyPlan.of(scenario, network, runId); // a fleet the test-bed cannot build fails here
        if (servicePorts.contains(probePort)) {
            throw new IllegalArgumentException("probe port " + probePort + " collides with a service port");
        }
    }

    /** Defaults: mean latencies, service port 8080, probe port 9100. */
    public static TestbedConfig of(Scenario scenario, int runId, Path workDir) {
        return new TestbedConfig(scenario, scenario.meanNetwork(), runId, List.of(DEFAULT_SERVICE_PORT),
                DEFAULT_PROBE_PORT, workDir, 1L);
    }
}
