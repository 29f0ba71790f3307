package io.edgeoff.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.placement.Placement;
import io.edgeoff.decision.placement.PlacementLoop;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.profiler.ApplicationProfiler;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.DeviceRuntime;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.device.workload.MixedWorkload;
import io.edgeoff.simulator.run.SamplingSimulation;
import io.edgeoff.simulator.run.SuspicionModel;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.SiteServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twin test of issue 13: one scenario, one workload and one failure schedule, run once in the simulator and
 * once live (real {@link SiteServer}s on loopback ports, real HTTP through {@link HttpSiteClient}, outages injected
 * into the running sites through their admin API so that they really refuse connections), must place every task
 * attempt alike: the same execution, task, site and success or failure, in the same order, and the same reason for
 * the final site. Both sides run the one placement loop; what differs is only the attempt runner (cost model and
 * failure process in virtual time; HTTP and the local kernel) and where suspicion comes from (the simulator's
 * {@link SuspicionModel#hardEvidenceOnly hard-evidence model}; the live detector, not started, so that it suspects
 * on hard evidence only: a refused attempt).
 *
 * <p>The failure schedule is stated in execution starts, which are instants of each side's own clock (the
 * simulator's virtual time; the harness's step before each live execution): a site goes down at the start of an
 * execution and stays down. Two schedules: staggered outages under three registry policies, and every remote site
 * down at once under a remote-first test policy, so that a task meets four failures in a row and the attempt cap
 * decides (a different cap on either side fails the test). Sizes and outlooks come from one source on both sides: the device plans with the actual
 * task sizes ({@link ApplicationProfiler#exact()}), and the simulator's outlook of every site is the live monitor's
 * (unpolled, so fixed). The live device runs one task at a time, in the order of the simulator's epochs, and plans
 * with the scenario's values and the sites' forecasts alone ({@link RuntimeConfig#scenarioInputsOnly()}: no
 * measured link or queue estimates, no learning from failed attempts), as the simulator does.
 */
class SimulatedAndLiveTwinTest {
    private static final long SEED = 13;
    private static final int EXECUTIONS = 7;
    private static final String TOKEN = "twin-test-token";
    /** Site id to the first execution it is down in (down from then on); the others never fail. */
    private static final Map<String, Integer> STAGGERED = Map.of("EC", 2, "ED", 4, "ER", 4, "CD", 4);
    /** Every remote site down from execution 1 on, all at once: a task meets four failures in a row. */
    private static final Map<String, Integer> ALL_AT_ONCE = Map.of("EC", 1, "ED", 1, "ER", 1, "CD", 1);

    /**
     * Deadlines far above any task's time on a loaded machine: in the twin only the schedule's refusals fail an
     * attempt (a timeout has no counterpart in the simulated schedule).
     */
    private static final DetectorConfig PATIENT = DetectorConfig.ofDefaults().withDeadline(100, Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private final List<String> liveFailures = new ArrayList<>();

    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel(seed.network(new SplittableRandom(SEED)));

    private Map<String, Integer> downFrom = STAGGERED;

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "reactive", "seed-mdp-svr"})
    void theSimulatorAndTheLiveDevicePlaceEveryAttemptAlike(String policy) throws Exception {
        PolicySpec spec = Policies.spec(policy);

        List<String> simulated = simulate(spec, PlacementRules.ofDefaults());
        List<String> live = runLive(spec, PlacementRules.ofDefaults());

        assertThat(live).as("live attempts (failures: %s) vs simulated", liveFailures)
                .containsExactlyElementsOf(simulated);
        assertThat(simulated).anyMatch(a -> a.contains(" fail")).anyMatch(a -> a.contains(" ok"));
        // the comparison sees the loop's rules: a simulator with another attempt cap places differently
        assertThat(simulate(spec, new PlacementRules(1))).isNotEqualTo(live);
    }

    @org.junit.jupiter.api.Test
    void bothSidesStopAfterTheSameNumberOfRemoteAttempts() throws Exception {
        downFrom = ALL_AT_ONCE;
        PolicySpec remoteFirst = new PolicySpec("remote-first", "the first remote site not excluded, else the device",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, Policies.DEFAULT_SUSPICION_RESPONSE, false,
                ctx -> new RemoteFirst(ctx.costModel().deviceIndex()));

        List<String> simulated = simulate(remoteFirst, PlacementRules.ofDefaults());
        List<String> live = runLive(remoteFirst, PlacementRules.ofDefaults());

        assertThat(live).as("live attempts (failures: %s) vs simulated", liveFailures)
                .containsExactlyElementsOf(simulated);
        assertThat(simulated).anyMatch(a -> a.endsWith("a4 MD ok ATTEMPT_CAP_REACHED"));
        for (int cap = 1; cap <= 3; cap++) {
            assertThat(simulate(remoteFirst, new PlacementRules(cap))).as("cap %d", cap).isNotEqualTo(live);
        }
    }

    /** Offloadable tasks to the first remote site not excluded (scenario order); the device otherwise. */
    private record RemoteFirst(int device) implements io.edgeoff.decision.OffloadingPolicy {
        @Override
        public String name() {
            return "remote-first";
        }

        @Override
        public io.edgeoff.decision.Decision decide(io.edgeoff.decision.DecisionRequest r) {
            for (int s = 0; s < r.excluded().length; s++) {
                if (s != device && !r.excluded()[s]) {
                    return new io.edgeoff.decision.Decision(s, Double.NaN, Double.NaN);
                }
            }
            return new io.edgeoff.decision.Decision(device, Double.NaN, Double.NaN);
        }
    }

    // ---- simulated side -------------------------------------------------------------------------------------

    private List<String> simulate(PolicySpec spec, PlacementRules rules) {
        PlacementLoop loop = new PlacementLoop(costModel, spec, spec.create(context()), rules);
        Map<String, SamplingSimulation.AppPlan> plans = new LinkedHashMap<>();
        for (Application app : seed.applications()) {
            plans.put(app.name(), SamplingSimulation.AppPlan.of(app));
        }
        List<String> attempts = new ArrayList<>();
        SamplingSimulation simulation = new SamplingSimulation(loop, false, new ScheduledOutages(fixedOutlooks()),
                seed.workload(), plans, List.of(RandomGeneratorFactory.of(MixedWorkload.GENERATOR).create(SEED)),
                EXECUTIONS, seed.devicePower().batteryJoules(), SuspicionModel.hardEvidenceOnly(costModel.siteCount()),
                (device, execution, app, placement) -> attempts.addAll(describe(execution, app, placement)));
        simulation.run(1, 0);
        return sorted(attempts);
    }

    private List<String> describe(int execution, AppInstance app, Placement<SamplingSimulation.Failure> p) {
        List<String> lines = new ArrayList<>();
        for (int a = 0; a < p.attemptCount(); a++) {
            lines.add(line(execution, app.application().name(), p.task(), a, siteId(p.site(a)), p.succeeded(a),
                    a == p.attemptCount() - 1 ? p.reason().name() : ""));
        }
        return lines;
    }

    /** The live monitor's outlook of every site (never polled: fixed), for the simulator. */
    private SiteOutlook[] fixedOutlooks() {
        List<SiteEndpoint> endpoints = seed.remoteSites().stream()
                .map(s -> new SiteEndpoint(s.id(), URI.create("http://127.0.0.1:9/"), TOKEN)).toList();
        try (HttpSiteClient client = new HttpSiteClient();
             ResourceMonitor monitor = new ResourceMonitor(endpoints, client, Duration.ofHours(1),
                     Duration.ofMillis(500), DeviceClock.SYSTEM)) {
            SiteOutlook[] outlooks = new SiteOutlook[costModel.siteCount()];
            for (int s = 0; s < outlooks.length; s++) {
                Site site = costModel.sites().get(s);
                outlooks[s] = site.isRemote() ? monitor.outlook(site.id(), false) : SiteOutlook.certain();
            }
            return outlooks;
        }
    }

    /** The failure schedule in the simulator: a site is down from the start of its execution on. */
    private final class ScheduledOutages extends StateFailureProcess {
        private int execution = -1;

        ScheduledOutages(SiteOutlook[] outlooks) {
            super(outlooks);
        }

        @Override
        public void beginExecution(double nowSeconds) {
            execution++;
            for (int s = 0; s < up.length; s++) {
                Integer from = downFrom.get(siteId(s));
                up[s] = from == null || execution < from;
            }
        }
    }

    // ---- live side ------------------------------------------------------------------------------------------

    private List<String> runLive(PolicySpec spec, PlacementRules rules) throws Exception {
        List<SiteServer> servers = new ArrayList<>();
        List<SiteEndpoint> endpoints = new ArrayList<>();
        List<String> kinds = seed.applications().stream().flatMap(a -> a.tasks().stream())
                .map(t -> t.kind().name()).distinct().toList();
        Path runDir = dir.resolve(spec.name());
        InMemoryOutcomeSink sink = new InMemoryOutcomeSink();
        try {
            for (Site site : seed.remoteSites()) {
                SiteServer server = SiteServer.start(SiteConfig.builder(site, kinds, runDir.resolve(site.id()))
                        .bindHost("127.0.0.1").port(0).token(TOKEN).build());
                servers.add(server);
                endpoints.add(new SiteEndpoint(site.id(), URI.create("http://127.0.0.1:" + server.port()), TOKEN));
            }
            List<AppInstance> apps = new MixedWorkload(seed, SEED).take(EXECUTIONS);
            try (HttpSiteClient client = new HttpSiteClient();
                 FailureDetector detector = new FailureDetector(endpoints, client, PATIENT, DeviceClock.SYSTEM);
                 ResourceMonitor monitor = new ResourceMonitor(endpoints, client, Duration.ofHours(1),
                         Duration.ofMillis(500), DeviceClock.SYSTEM);
                 DeviceRuntime runtime = DeviceRuntime.builder().scenario(seed, costModel).endpoints(endpoints)
                         .client(client).detector(detector).monitor(monitor).links(LinkEmulator.disabled())
                         .profiler(ApplicationProfiler.exact()).sink(sink)
                         .config(new RuntimeConfig(1, rules, true).scenarioInputsOnly()).build()) {
                warmUp(client, endpoints);
                for (int e = 0; e < apps.size(); e++) {
                    for (SiteEndpoint endpoint : endpoints) {
                        if (downFrom.getOrDefault(endpoint.siteId(), -1) == e) {
                            refuseFromNowOn(client, endpoint);
                        }
                    }
                    runtime.execute("twin-" + spec.name(), e, apps.get(e), spec, spec.create(context()), SEED);
                }
            }
        } finally {
            servers.forEach(SiteServer::close);
        }
        List<String> attempts = new ArrayList<>();
        liveFailures.clear();
        for (TaskOutcome t : sink.tasks()) {
            for (int a = 0; a < t.attempts().size(); a++) {
                Attempt attempt = t.attempts().get(a);
                if (!attempt.succeeded()) {
                    liveFailures.add("e" + t.execution() + " t" + t.taskIndex() + " " + attempt.siteId() + " "
                            + attempt.failure() + " " + attempt.detail());
                }
                attempts.add(line(t.execution(), t.application(), t.taskIndex(), a, attempt.siteId(),
                        attempt.succeeded(), a == t.attempts().size() - 1 ? t.reason().name() : ""));
            }
        }
        return sorted(attempts);
    }

    /** A few small tasks to every site, so that no cold first request decides anything. */
    private static void warmUp(HttpSiteClient client, List<SiteEndpoint> endpoints) throws Exception {
        for (SiteEndpoint endpoint : endpoints) {
            for (int i = 0; i < 5; i++) {
                var request = new io.edgeoff.siteapi.TaskRequest("warmup-" + endpoint.siteId() + "-" + i,
                        "WARMUP", "R", 10, 4, new byte[4096]);
                assertThat(client.submit(endpoint, request, Duration.ofSeconds(30)).get())
                        .isInstanceOf(io.edgeoff.device.client.OffloadResult.Completed.class);
            }
        }
    }

    /** Injects a refuse outage through the site's admin API and waits until the site really refuses. */
    private static void refuseFromNowOn(HttpSiteClient client, SiteEndpoint endpoint) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint.baseUri().resolve("/v1/admin/outages"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"refuse\",\"durationMillis\":600000}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("outage injection into %s: %s", endpoint.siteId(), response.body())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var reply = client.health(endpoint, Duration.ofSeconds(2)).get();
            return !reply.up() && reply.failure() == FailureKind.REFUSED;
        });
    }

    // ---- common ---------------------------------------------------------------------------------------------

    private PolicyContext context() {
        return new PolicyContext(costModel, seed.costWeights(), SEED);
    }

    private String siteId(int site) {
        return costModel.sites().get(site).id();
    }

    private static String line(int execution, String app, int task, int attempt, String site, boolean ok,
                               String reason) {
        return String.format("e%02d %s t%02d a%d %s %s %s", execution, app, task, attempt, site, ok ? "ok" : "fail",
                reason).strip();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
