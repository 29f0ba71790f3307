package io.edgeoff.device.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.external.ExternalPolicySettings;
import io.edgeoff.decision.external.ExternalPolicyStats;
import io.edgeoff.decision.external.ExternalWire;
import io.edgeoff.decision.external.FallbackCause;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.FakeSite;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device's placement loop with an external policy over HTTP (a JDK server on loopback standing in for a policy
 * in another language): its answers place the tasks on real (fake) sites, it receives the device's view of the
 * sites, and once it is down the fallback places the tasks and the fallbacks are counted.
 */
class ExternalPolicyOnDeviceTest {
    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel();
    private final Map<String, FakeSite> sites = new LinkedHashMap<>();
    private final InMemoryOutcomeSink sink = new InMemoryOutcomeSink();
    private final List<ExternalWire.Request> asked = new CopyOnWriteArrayList<>();
    private HttpSiteClient client;
    private FailureDetector detector;
    private ResourceMonitor monitor;
    private HttpServer policyServer;

    @BeforeEach
    void start() throws IOException {
        for (String id : List.of("ED", "EC", "ER", "CD")) {
            sites.put(id, new FakeSite(id, seed.site(id).mips(), 0.99));
        }
        client = new HttpSiteClient();
        policyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        policyServer.createContext("/decide", exchange -> {
            ExternalWire.Request request = ExternalWire.readRequest(exchange.getRequestBody().readAllBytes());
            asked.add(request);
            boolean offloadable = request.app().tasks().get(request.taskIndex()).offloadable();
            byte[] body = ("{\"site\":\"" + (offloadable ? "ER" : "MD") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        policyServer.start();
    }

    @AfterEach
    void stop() {
        policyServer.stop(0);
        if (detector != null) {
            detector.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        sites.values().forEach(FakeSite::close);
        client.close();
    }

    private DeviceRuntime runtime() {
        List<SiteEndpoint> endpoints = sites.values().stream().map(FakeSite::endpoint).toList();
        detector = new FailureDetector(endpoints, client, DetectorConfig.ofDefaults(), DeviceClock.SYSTEM);
        monitor = new ResourceMonitor(endpoints, client, Duration.ofSeconds(1), Duration.ofMillis(500),
                DeviceClock.SYSTEM);
        monitor.pollAll();
        return DeviceRuntime.builder().scenario(seed, costModel).endpoints(endpoints).client(client)
                .detector(detector).monitor(monitor).links(LinkEmulator.disabled()).sink(sink)
                .config(RuntimeConfig.ofDefaults()).build();
    }

    @Test
    void theExternalPolicyPlacesTheTasksUntilItIsDownAndThenTheFallbackDoes() {
        PolicyRegistry registry = Policies.builtIns().withExternal(new ExternalPolicySettings(Duration.ofSeconds(30),
                "local"));
        String name = "external:http://127.0.0.1:" + policyServer.getAddress().getPort() + "/decide";
        PolicySpec spec = registry.spec(name);
        AppInstance chess = AppInstance.means(seed.application("CHESS"));
        try (DeviceRuntime runtime = runtime()) {

            runtime.execute("r1", 0, chess, spec, spec.create(PolicyContext.of(costModel, 1)), 1);
            policyServer.stop(0);
            runtime.execute("r1", 1, chess, spec, spec.create(PolicyContext.of(costModel, 1)), 1);
        }

        long offloadable = chess.tasks().stream().filter(t -> t.offloadable()).count();
        List<TaskOutcome> first = sink.tasks().stream().filter(t -> t.execution() == 0).toList();
        List<TaskOutcome> second = sink.tasks().stream().filter(t -> t.execution() == 1).toList();
        assertThat(first).hasSize(chess.size()).allMatch(TaskOutcome::completed).allSatisfy(t -> assertThat(t.siteId())
                .isEqualTo(chess.task(t.taskIndex()).offloadable() ? "ER" : "MD"));
        assertThat(first).anyMatch(t -> t.siteId().equals("ER"));
        assertThat(second).hasSize(chess.size()).allMatch(TaskOutcome::completed)
                .allSatisfy(t -> assertThat(t.siteId()).as("local, the fallback").isEqualTo("MD"));
        assertThat(asked).as("the loop asks the policy about offloadable tasks only").hasSize((int) offloadable)
                .allSatisfy(r -> {
            assertThat(r.sites()).extracting(ExternalWire.SiteState::id).containsExactly("MD", "ED", "EC", "ER", "CD");
            assertThat(r.sites().get(3).link()).as("the device's view of ER's link").isNotNull();
        });
        ExternalPolicyStats.Report report = registry.externalReport(name).orElseThrow();
        assertThat(report.answered()).isEqualTo(offloadable);
        assertThat(report.fallbacks()).containsEntry(FallbackCause.DOWN, offloadable);
    }
}
