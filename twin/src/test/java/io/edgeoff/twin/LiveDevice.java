package io.edgeoff.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.OffloadResult;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.profiler.ApplicationProfiler;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.DeviceRuntime;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.siteapi.TaskRequest;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test harness: the scenario's remote sites as real {@link SiteServer}s on loopback ports and a live device
 * ({@link DeviceRuntime} over real HTTP) against them. The resource monitor is polled only when the test says
 * ({@link #poll}), the failure detector is not started (it suspects on hard evidence only), and the profiler plans
 * with the actual task sizes, so that what changes placements is what the device measures and observes, driven by
 * the test, not a background timer or the profiler's learning.
 */
final class LiveDevice implements AutoCloseable {
    static final String TOKEN = "live-device-test-token";

    final Scenario scenario;
    final CostModel costModel;
    final List<SiteServer> servers = new ArrayList<>();
    final List<SiteEndpoint> endpoints = new ArrayList<>();
    final HttpSiteClient client = new HttpSiteClient();
    final FailureDetector detector;
    final ResourceMonitor monitor;
    final LinkEmulator links;
    final InMemoryOutcomeSink sink = new InMemoryOutcomeSink();
    final DeviceRuntime runtime;

    /**
     * @param catalogues per site id, the task kinds it runs if not the scenario's (e.g. none of the workload's)
     * @param emulate   emulate the scenario's links on the device
     * @param config    runtime settings
     */
    LiveDevice(Scenario scenario, CostModel costModel, Path dir, Map<String, List<String>> catalogues,
               boolean emulate, RuntimeConfig config) throws Exception {
        this(scenario, costModel, dir, catalogues, emulate, config, Map.of(), b -> b);
    }

    /**
     * @param sites    per site id, changes to its configuration (e.g. its handler settings)
     * @param runtime  changes to the device runtime's builder (e.g. a task binding)
     */
    LiveDevice(Scenario scenario, CostModel costModel, Path dir, Map<String, List<String>> catalogues,
               boolean emulate, RuntimeConfig config, Map<String, UnaryOperator<SiteConfig.Builder>> sites,
               UnaryOperator<DeviceRuntime.Builder> runtime) throws Exception {
        this.scenario = scenario;
        this.costModel = costModel;
        List<String> kinds = scenario.applications().stream().flatMap(a -> a.tasks().stream())
                .map(t -> t.kind().name()).distinct().toList();
        for (Site s : scenario.remoteSites()) {
            SiteServer server = SiteServer.start(sites.getOrDefault(s.id(), b -> b).apply(SiteConfig.builder(s,
                    catalogues.getOrDefault(s.id(), kinds), dir.resolve(s.id())).bindHost("127.0.0.1").port(0)
                    .token(TOKEN)).build());
            servers.add(server);
            endpoints.add(new SiteEndpoint(s.id(), URI.create("http://127.0.0.1:" + server.port()), TOKEN));
        }
        detector = new FailureDetector(endpoints, client,
                DetectorConfig.ofDefaults().withDeadline(100, Duration.ofSeconds(30)), DeviceClock.SYSTEM);
        monitor = new ResourceMonitor(endpoints, client, Duration.ofHours(1), Duration.ofSeconds(5),
                DeviceClock.SYSTEM);
        links = emulate ? LinkEmulator.of(costModel, DeviceClock.SYSTEM) : LinkEmulator.disabled();
        this.runtime = runtime.apply(DeviceRuntime.builder().scenario(scenario, costModel).endpoints(endpoints)
                .client(client).detector(detector).monitor(monitor).links(links).profiler(ApplicationProfiler.exact())
                .sink(sink).config(config)).build();
    }

    /** A few small tasks to every site that runs them, so that no cold first request decides anything. */
    void warmUp() throws Exception {
        for (SiteEndpoint endpoint : endpoints) {
            for (int i = 0; i < 5; i++) {
                TaskRequest request = new TaskRequest("warmup-" + endpoint.siteId() + "-" + i, "WARMUP", "R", 10, 4,
                        new byte[4096]);
                client.submit(endpoint, request, Duration.ofSeconds(30)).get();
            }
        }
    }

    /** Polls every site {@code times} times (blocking). */
    void poll(int times) {
        for (int i = 0; i < times; i++) {
            monitor.pollAll();
        }
    }

    /** Runs {@code apps} under {@code spec}; returns the attempts of these executions only. */
    List<Attempt> run(String runId, List<AppInstance> apps, int firstExecution, PolicySpec spec, long seed) {
        int before = sink.tasks().size();
        for (int e = 0; e < apps.size(); e++) {
            runtime.execute(runId, firstExecution + e, apps.get(e), spec,
                    spec.create(new PolicyContext(costModel, scenario.costWeights(), seed)), seed);
        }
        List<Attempt> attempts = new ArrayList<>();
        for (TaskOutcome t : sink.tasks().subList(before, sink.tasks().size())) {
            attempts.addAll(t.attempts());
        }
        return attempts;
    }

    /** @return attempts per site id (every site of the scenario, 0 when none) */
    Map<String, Long> perSite(List<Attempt> attempts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        scenario.sites().forEach(s -> counts.put(s.id(), 0L));
        attempts.forEach(a -> counts.merge(a.siteId(), 1L, Long::sum));
        return counts;
    }

    SiteEndpoint endpoint(String siteId) {
        return endpoints.stream().filter(e -> e.siteId().equals(siteId)).findFirst().orElseThrow();
    }

    static void assertCompleted(OffloadResult result) {
        assertThat(result).isInstanceOf(OffloadResult.Completed.class);
    }

    @Override
    public void close() {
        runtime.close();
        monitor.close();
        detector.close();
        client.close();
        servers.forEach(SiteServer::close);
    }
}
