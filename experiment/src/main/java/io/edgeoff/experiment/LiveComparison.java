package io.edgeoff.experiment;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultRow;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.TaskRequest;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.runtime.DeviceRuntime;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.device.workload.MixedWorkload;
import io.edgeoff.device.workload.TaskBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs the same seeded executions under several policies against live sites and summarises them.
 * Policies are interleaved (execution 0 under every policy, then execution 1, ...), so every policy meets
 * the sites' failure traces over the same stretch of time.
 */
public final class LiveComparison {

    /**
     * What to run.
     *
     * @param scenario      the scenario (sites, links, apps, workload)
     * @param endpoints     where the remote sites listen
     * @param policies      policy names
     * @param executions    executions per policy
     * @param seed          seed of the workload, the inputs and the cloud latency draw
     * @param emulateLinks  delay transfers by the scenario's latencies and bandwidths
     * @param detector      failure-detector settings
     * @param runtime       runtime settings
     * @param runPrefix     prefix of run ids
     * @param configuration the scenario configuration whose trace nodes the sites replay, 0 for none
     * @param syntheticTasks run the seed's synthetic MI tasks instead of the built-in handlers
     *                      ({@link TaskBinding#builtIn()}, with real data flowing between tasks)
     * @param hostMips      the host's speed for the device's speed emulation of local handler calls, MIPS; 0: the
     *                      device measures it
     */
    public record Setup(Scenario scenario, List<SiteEndpoint> endpoints, List<String> policies, int executions, long seed,
                 boolean emulateLinks, DetectorConfig detector, RuntimeConfig runtime, String runPrefix,
                 int configuration, boolean syntheticTasks, double hostMips) {
        /** A comparison whose device measures its host's speed. */
        public Setup(Scenario scenario, List<SiteEndpoint> endpoints, List<String> policies, int executions, long seed,
                     boolean emulateLinks, DetectorConfig detector, RuntimeConfig runtime, String runPrefix,
                     int configuration, boolean syntheticTasks) {
            this(scenario, endpoints, policies, executions, seed, emulateLinks, detector, runtime, runPrefix,
                    configuration, syntheticTasks, 0);
        }

        /** A comparison running the built-in handlers. */
        public Setup(Scenario scenario, List<SiteEndpoint> endpoints, List<String> policies, int executions, long seed,
                     boolean emulateLinks, DetectorConfig detector, RuntimeConfig runtime, String runPrefix,
                     int configuration) {
            this(scenario, endpoints, policies, executions, seed, emulateLinks, detector, runtime, runPrefix,
                    configuration, false);
        }

        /** @return what the device's tasks run */
        public TaskBinding binding() {
            return syntheticTasks ? TaskBinding.SYNTHETIC : TaskBinding.builtIn();
        }

        public Setup {
            endpoints = List.copyOf(endpoints);
            policies = List.copyOf(policies);
            policies.forEach(name -> DeviceRuntime.requireLive(Policies.spec(name)));
            if (executions < 1) {
                throw new IllegalArgumentException("executions must be >= 1, but was " + executions);
            }
        }

        public String runId(String policy) {
            return runPrefix + "-" + policy;
        }
    }

    /** Progress: {@code done} of {@code total} executions finished, the last one described by {@code label}. */
    public interface Progress {
        void step(int done, int total, String label);

        Progress NONE = (done, total, label) -> { };
    }

    /**
     * Everything a comparison produced.
     *
     * @param summaries      one per policy, in the order given
     * @param results        every execution
     * @param rows           every execution in the results schema (executions.csv)
     * @param detection      the failure detector's data
     * @param cloudLatencyMillis the device-cloud latency drawn for this run, ms
     * @param timeline      when what happened (outages, executions, attempts), or null when not recorded
     * @param fleet         per device of a fleet scenario, its executions, handovers and cells; null for the seed's
     *                      single device
     */
    public record Outcome(List<PolicySummary> summaries, List<ExecutionResult> results, List<ResultRow> rows,
                          DetectionStats detection, double cloudLatencyMillis, Timeline timeline,
                          FleetComparison.FleetRuns fleet) {
        /** An outcome of the seed's single device. */
        public Outcome(List<PolicySummary> summaries, List<ExecutionResult> results, List<ResultRow> rows,
                       DetectionStats detection, double cloudLatencyMillis, Timeline timeline) {
            this(summaries, results, rows, detection, cloudLatencyMillis, timeline, null);
        }

        /** An outcome without a timeline. */
        public Outcome(List<PolicySummary> summaries, List<ExecutionResult> results, List<ResultRow> rows,
                       DetectionStats detection, double cloudLatencyMillis) {
            this(summaries, results, rows, detection, cloudLatencyMillis, null);
        }
    }

    private LiveComparison() {
    }

    public static Outcome run(Setup setup, OutcomeSink extraSink, Progress progress, Consumer<String> log) {
        return run(setup, extraSink, progress, log, null);
    }

    /** As {@link #run(Setup, OutcomeSink, Progress, Consumer)}, showing the run on {@code page} (may be null). */
    static Outcome run(Setup setup, OutcomeSink extraSink, Progress progress, Consumer<String> log, StatusPage page) {
        return run(setup, extraSink, progress, log, page, null);
    }

    /** As above, also counting in {@code metrics} (may be null): outcomes, decisions, suspicions. */
    static Outcome run(Setup setup, OutcomeSink extraSink, Progress progress, Consumer<String> log, StatusPage page,
                       io.edgeoff.device.metrics.DeviceMetrics metrics) {
        return run(setup, extraSink, progress, log, page, metrics, new Timeline(setup.scenario().device().id()));
    }

    /** As above, recording what happened when in {@code timeline} (which may already hold the sites' outages). */
    static Outcome run(Setup setup, OutcomeSink extraSink, Progress progress, Consumer<String> log, StatusPage page,
                       io.edgeoff.device.metrics.DeviceMetrics metrics, Timeline timeline) {
        Scenario scenario = setup.scenario();
        Network network = scenario.network(new SplittableRandom(setup.seed()));
        CostModel emulated = scenario.costModel(network);
        double detectionSeconds = setup.detector().detectionBound().toMillis() / 1000.0;
        CostModel planning = new CostModel(scenario.sites(), network, scenario.devicePower(), detectionSeconds);
        InMemoryOutcomeSink memory = new InMemoryOutcomeSink();
        OutcomeSink sink = new TeeSink(new TeeSink(memory, timeline),
                metrics == null ? extraSink : new TeeSink(metrics, extraSink));
        try (HttpSiteClient client = new HttpSiteClient();
             FailureDetector detector = new FailureDetector(setup.endpoints(), client, setup.detector(),
                     DeviceClock.SYSTEM);
             ResourceMonitor monitor = new ResourceMonitor(setup.endpoints(), client, Duration.ofSeconds(1),
                     Duration.ofMillis(500), DeviceClock.SYSTEM)) {
            monitor.pollPredictors(io.edgeoff.device.monitor.PolicyForecasts.ALL); // each policy's model (svr, best)
            monitor.start();
            warmUp(client, setup.endpoints(), log);
            if (!setup.syntheticTasks()) {
                warmUpHandlers(client, setup.endpoints(), log);
            }
            if (metrics != null) {
                detector.addListener(metrics);
            }
            detector.start();
            if (page != null) {
                page.live(new StatusPage.Live(detector, monitor, memory, timeline, setup.policies(),
                        setup.endpoints().stream().map(SiteEndpoint::siteId).toList()));
            }
            LinkEmulator links = setup.emulateLinks() ? LinkEmulator.of(emulated, DeviceClock.SYSTEM)
                    : LinkEmulator.disabled();
            try (DeviceRuntime runtime = DeviceRuntime.builder().scenario(scenario, emulated)
                    .endpoints(setup.endpoints()).client(client).detector(detector).monitor(monitor).links(links)
                    .sink(sink).config(setup.runtime()).binding(setup.binding()).hostMips(setup.hostMips()).build()) {
                if (!setup.syntheticTasks()) {
                    log.accept(String.format(java.util.Locale.ROOT, "device: running the built-in handlers, data "
                            + "flowing; local calls emulated at %.0f MIPS against a host of %.0f MIPS",
                            scenario.device().mips(), runtime.hostMips()));
                    runtime.warmUpHandlers();
                }
                Map<String, OffloadingPolicy> policies = new LinkedHashMap<>();
                for (String name : setup.policies()) {
                    OffloadingPolicy policy = Policies.create(name, new PolicyContext(planning, scenario.costWeights(),
                            setup.seed()));
                    policies.put(name, metrics == null ? policy : metrics.timed(policy));
                }
                List<AppInstance> apps = new MixedWorkload(scenario, setup.seed()).take(setup.executions());
                int total = apps.size() * policies.size();
                int done = 0;
                progress.step(0, total, ""); // the executions begin now
                for (int e = 0; e < apps.size(); e++) {
                    for (Map.Entry<String, OffloadingPolicy> p : policies.entrySet()) {
                        timeline.executionStarted(p.getKey());
                        ExecutionResult r = runtime.execute(setup.runId(p.getKey()), e, apps.get(e),
                                Policies.spec(p.getKey()), p.getValue(), setup.seed());
                        progress.step(++done, total, p.getKey() + " " + r.application());
                        if (page != null) {
                            page.progress(done + "/" + total + " executions; last: " + p.getKey() + " "
                                    + r.application());
                        }
                    }
                }
            }
            DetectionStats stats = detector.stats();
            for (String name : setup.policies()) {
                sink.detection(setup.runId(name), stats);
            }
            List<ResultRow> rows = rows(setup, memory.executions());
            List<PolicySummary> summaries = setup.policies().stream().map(p -> PolicySummary.of(p, rows)).toList();
            return new Outcome(summaries, memory.executions(), rows, stats,
                    network.latencyMillis(scenario.device().id(), cloudId(scenario)), timeline);
        }
    }

    static String cloudId(Scenario scenario) {
        return scenario.remoteSites().stream().filter(s -> s.kind() == io.edgeoff.common.site.SiteKind.CLOUD)
                .map(Site::id).findFirst().orElse(scenario.remoteSites().get(0).id());
    }

    /** Every execution as a row of the results schema. */
    static List<ResultRow> rows(Setup setup, List<ExecutionResult> results) {
        Scenario scenario = setup.scenario();
        int device = scenario.siteIndex(scenario.device().id());
        List<String> ids = scenario.sites().stream().map(Site::id).toList();
        return LiveRows.of(results, setup.configuration(), device, ids, scenario.devicePower().batteryJoules());
    }

    /**
     * Sends a few small tasks to every site so their JIT compilers are warm before anything is measured;
     * gives up on a site after two failures in a row (it may be in an outage).
     */
    public static void warmUp(HttpSiteClient client, List<SiteEndpoint> endpoints, Consumer<String> log) {
        for (SiteEndpoint endpoint : endpoints) {
            int ok = 0;
            int failedInARow = 0;
            for (int i = 0; i < 20 && failedInARow < 2; i++) {
                TaskRequest task = new TaskRequest("warmup-" + endpoint.siteId() + "-" + System.nanoTime() + "-" + i,
                        "WARMUP", "R", 10, 4, new byte[4096]);
                try {
                    boolean done = client.submit(endpoint, task, Duration.ofSeconds(1)).get()
                            instanceof io.edgeoff.device.client.OffloadResult.Completed;
                    ok += done ? 1 : 0;
                    failedInARow = done ? 0 : failedInARow + 1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    failedInARow++;
                }
            }
            if (ok == 0) {
                log.accept("warning: site " + endpoint.siteId() + " answered no warm-up task");
            }
        }
    }

    /**
     * Runs each built-in handler a few times on every site (its generated root input, forwarding, as the workload
     * sends it) so that the sites' handler code is compiled before a deadline depends on it; the device's own handlers
     * are warmed by {@link DeviceRuntime#warmUpHandlers}. Gives up on a site after two failures in a row.
     */
    public static void warmUpHandlers(HttpSiteClient client, List<SiteEndpoint> endpoints, Consumer<String> log) {
        for (SiteEndpoint endpoint : endpoints) {
            int failedInARow = 0;
            outer:
            for (int round = 0; round < 3; round++) {
                for (Map.Entry<String, Integer> h : new java.util.TreeMap<>(TaskBinding.BUILT_IN_ROOT_SIZES).entrySet()) {
                    TaskRequest task = new TaskRequest("warmup-" + endpoint.siteId() + "-" + System.nanoTime() + "-"
                            + h.getKey(), "WARMUP", "R", 10, 4,
                            io.edgeoff.handlers.BuiltInHandlers.input(h.getKey(), round, h.getValue()), h.getKey(),
                            Map.of(io.edgeoff.handlers.Forwarding.PARAMETER, "true", io.edgeoff.handlers.Effort.PARAMETER,
                                    Long.toString(Math.round(DeviceRuntime.WARM_UP_MILLION_INSTRUCTIONS))));
                    try {
                        boolean done = client.submit(endpoint, task, Duration.ofSeconds(10)).get()
                                instanceof io.edgeoff.device.client.OffloadResult.Completed;
                        failedInARow = done ? 0 : failedInARow + 1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (java.util.concurrent.ExecutionException e) {
                        failedInARow++;
                    }
                    if (failedInARow >= 2) {
                        log.accept("warning: site " + endpoint.siteId() + " failed two handler warm-up tasks in a row");
                        break outer;
                    }
                }
            }
        }
    }

    /** Sends every outcome to two sinks. */
    record TeeSink(OutcomeSink first, OutcomeSink second) implements OutcomeSink {
        @Override
        public void task(TaskOutcome outcome) {
            first.task(outcome);
            second.task(outcome);
        }

        @Override
        public void execution(ExecutionResult result) {
            first.execution(result);
            second.execution(result);
        }

        @Override
        public void detection(String runId, DetectionStats stats) {
            first.detection(runId, stats);
            second.detection(runId, stats);
        }
    }
}
