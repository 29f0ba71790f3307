package io.edgeoff.experiment;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.network.Network;
import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultRow;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.detector.DetectionStats;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.detector.SuspicionEpisode;
import io.edgeoff.device.mobility.CellTracker;
import io.edgeoff.device.monitor.PolicyForecasts;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.runtime.DeviceRuntime;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.OutcomeSink;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.device.workload.MixedWorkload;
import io.edgeoff.simulator.run.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The devices of a fleet scenario ({@code devices:}, {@code cells:}, {@code mobility:}) live: one
 * {@link DeviceRuntime} per device, each in its own thread with its own site client, failure detector and resource
 * monitor, all against the same sites (their queues are shared, so the contention is real). Each device runs its own
 * workload mix, executions and idle time ({@link DeviceSpec}) from its own seeded streams, follows its own cell
 * schedule ({@link CellTracker}: links emulated per cell, cell planning inputs, handover rule), and compares the
 * policies interleaved as the single device does. All devices start their first execution together (schedule time 0).
 *
 * <p>Seeds: device {@code k}'s workload and inputs use {@code Seeds.derive(seed, "live-device", k)}, its idle pauses
 * {@code Seeds.stream(seed, "live-idle", k)}. Execution {@code e} of device {@code k} of {@code n} is numbered
 * {@code e * n + k} in the reports, so that executions of different devices never share a number.
 */
public final class FleetComparison {
    private FleetComparison() {
    }

    /**
     * What a fleet run adds to a comparison.
     *
     * @param mobilitySpeedup schedule seconds per wall second, &gt; 0 (1: the scenario's times)
     * @param devices         ids of the devices to run (empty: every device of the scenario)
     * @param startAt         the wall-clock instant of schedule time 0 (devices in several processes, e.g. the
     *                        test-bed's, agree on it): a device that is ready before it waits for it, one that is
     *                        ready later starts its schedule that far in; empty: the devices' first execution
     */
    public record FleetSetup(double mobilitySpeedup, List<String> devices,
                             java.util.Optional<java.time.Instant> startAt) {
        /** Schedule time 0 at the devices' first execution. */
        public FleetSetup(double mobilitySpeedup, List<String> devices) {
            this(mobilitySpeedup, devices, java.util.Optional.empty());
        }

        public FleetSetup {
            Objects.requireNonNull(startAt, "startAt");
            if (!(mobilitySpeedup > 0) || !Double.isFinite(mobilitySpeedup)) {
                throw new IllegalArgumentException("--mobility-speedup must be finite and > 0, but was "
                        + mobilitySpeedup);
            }
            devices = List.copyOf(devices);
        }

        /** Every device, the scenario's times. */
        public static FleetSetup all() {
            return new FleetSetup(1, List.of());
        }
    }

    /**
     * One device's share of a fleet run.
     *
     * @param device       device id
     * @param results      its executions, in the order it ran them
     * @param handovers    per execution (same order), the handovers while it ran
     * @param cellNames    the cell names by index ({@code DeviceLinks#cellNames})
     */
    public record DeviceRun(String device, List<ExecutionResult> results, List<Integer> handovers,
                            List<String> cellNames) {
        public DeviceRun {
            results = List.copyOf(results);
            handovers = List.copyOf(handovers);
            cellNames = List.copyOf(cellNames);
        }
    }

    /**
     * Every device's share, in the scenario's device order.
     *
     * @param devices      the devices that ran
     * @param deviceIndex  the DEVICE site's index in the scenario (its attempts are not offloads)
     */
    public record FleetRuns(List<DeviceRun> devices, int deviceIndex) {
        public FleetRuns {
            devices = List.copyOf(devices);
        }
    }

    /**
     * @return the devices of {@code fleet} to run: those named (checked), or all
     * @throws IllegalArgumentException naming an unknown device and the known ones, or when the fleet has no devices
     */
    public static List<DeviceSpec> devices(Scenario scenario, List<String> names) {
        Fleet fleet = scenario.fleet();
        List<DeviceSpec> all = fleet.devices().isEmpty() ? List.of(DeviceSpec.plain(scenario.device().id()))
                : fleet.devices();
        if (names.isEmpty()) {
            return all;
        }
        List<DeviceSpec> out = new ArrayList<>();
        for (String name : names) {
            out.add(all.stream().filter(d -> d.id().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown device '" + name + "' in scenario " + scenario.name()
                            + "; its devices: " + all.stream().map(DeviceSpec::id).toList())));
        }
        return out;
    }

    /** Runs every selected device concurrently; returns when all have finished. */
    static LiveComparison.Outcome run(LiveComparison.Setup setup, FleetSetup fleetSetup, OutcomeSink extraSink,
                                      LiveComparison.Progress progress, Consumer<String> log, StatusPage page,
                                      Timeline timeline) {
        Scenario scenario = setup.scenario();
        List<DeviceSpec> specs = devices(scenario, fleetSetup.devices());
        List<DeviceSpec> all = devices(scenario, List.of());
        Network network = scenario.network(new SplittableRandom(setup.seed()));
        CostModel emulated = scenario.costModel(network);
        InMemoryOutcomeSink memory = new InMemoryOutcomeSink();
        OutcomeSink sink = new LiveComparison.TeeSink(new LiveComparison.TeeSink(memory, timeline),
                new SynchronizedSink(extraSink));
        try (HttpSiteClient client = new HttpSiteClient()) {
            LiveComparison.warmUp(client, setup.endpoints(), log);
            if (!setup.syntheticTasks()) {
                LiveComparison.warmUpHandlers(client, setup.endpoints(), log);
            }
        }
        int total = specs.stream().mapToInt(d -> executions(d, setup) * setup.policies().size()).sum();
        SharedProgress shared = new SharedProgress(progress, page, total);
        CyclicBarrier start = new CyclicBarrier(specs.size(), () -> shared.step(""));
        log.accept("fleet: " + specs.size() + " devices " + specs.stream().map(DeviceSpec::id).toList()
                + " share the sites; mobility speedup " + fleetSetup.mobilitySpeedup());
        ExecutorService threads = Executors.newFixedThreadPool(specs.size(), r -> {
            Thread t = new Thread(r, "edgeoff-fleet-device");
            t.setDaemon(true);
            return t;
        });
        List<DeviceRun> runs = new ArrayList<>();
        List<DetectionStats> stats = new ArrayList<>();
        try {
            List<Future<DeviceDone>> futures = new ArrayList<>();
            for (DeviceSpec spec : specs) {
                int k = all.indexOf(spec);
                Job job = new Job(setup, fleetSetup, spec, k, all.size(), emulated, network, sink, shared, start, log);
                futures.add(threads.submit(() -> job.run()));
            }
            for (Future<DeviceDone> f : futures) {
                DeviceDone done = f.get();
                runs.add(done.run());
                stats.add(done.stats());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fleet ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a fleet device failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
        List<ExecutionResult> results = memory.executions();
        List<ResultRow> rows = LiveComparison.rows(setup, results);
        List<PolicySummary> summaries = setup.policies().stream().map(p -> PolicySummary.of(p, rows)).toList();
        return new LiveComparison.Outcome(summaries, results, rows, merged(stats), network.latencyMillis(
                scenario.device().id(), LiveComparison.cloudId(scenario)), timeline,
                new FleetRuns(runs, scenario.siteIndex(scenario.device().id())));
    }

    static int executions(DeviceSpec spec, LiveComparison.Setup setup) {
        return spec.executions().orElse(setup.executions());
    }

    /** The detectors of all devices as one: every episode, failures summed per site, false suspicions summed. */
    static DetectionStats merged(List<DetectionStats> all) {
        List<SuspicionEpisode> episodes = new ArrayList<>();
        Map<String, Integer> failures = new HashMap<>();
        int falseSuspicions = 0;
        for (DetectionStats s : all) {
            episodes.addAll(s.episodes());
            s.failuresPerSite().forEach((site, n) -> failures.merge(site, n, Integer::sum));
            falseSuspicions += s.falseSuspicions();
        }
        return new DetectionStats(episodes, failures, falseSuspicions);
    }

    /** What one device's thread returns. */
    private record DeviceDone(DeviceRun run, DetectionStats stats) {
    }

    /** One device's thread. */
    private record Job(LiveComparison.Setup setup, FleetSetup fleetSetup, DeviceSpec spec, int index, int devices,
                       CostModel emulated, Network network, OutcomeSink sink, SharedProgress progress,
                       CyclicBarrier start, Consumer<String> log) {
        DeviceDone run() throws Exception {
            Scenario scenario = setup.scenario();
            long seed = Seeds.derive(setup.seed(), "live-device", index);
            RandomGenerator idle = Seeds.stream(setup.seed(), "live-idle", index);
            double detectionSeconds = setup.detector().detectionBound().toMillis() / 1000.0;
            CostModel planning = new CostModel(scenario.sites(), network, scenario.devicePower(), detectionSeconds);
            try (HttpSiteClient client = new HttpSiteClient();
                 FailureDetector detector = new FailureDetector(setup.endpoints(), client, setup.detector(),
                         DeviceClock.SYSTEM);
                 ResourceMonitor monitor = new ResourceMonitor(setup.endpoints(), client, Duration.ofSeconds(1),
                         Duration.ofMillis(500), DeviceClock.SYSTEM)) {
                monitor.pollPredictors(PolicyForecasts.ALL);
                monitor.start();
                detector.start();
                CellTracker cells = new CellTracker(emulated, spec, scenario.fleet(), DeviceClock.SYSTEM,
                        fleetSetup.mobilitySpeedup());
                LinkEmulator links = setup.emulateLinks() ? LinkEmulator.following(cells::path, DeviceClock.SYSTEM)
                        : LinkEmulator.disabled();
                try (DeviceRuntime runtime = DeviceRuntime.builder().scenario(scenario, emulated)
                        .endpoints(setup.endpoints()).client(client).detector(detector).monitor(monitor).links(links)
                        .cells(cells).sink(sink).config(setup.runtime()).binding(setup.binding())
                        .hostMips(setup.hostMips()).build()) {
                    runtime.warmUpHandlers();
                    Map<String, OffloadingPolicy> policies = new LinkedHashMap<>();
                    for (String name : setup.policies()) {
                        policies.put(name, Policies.create(name, new PolicyContext(planning, scenario.costWeights(),
                                seed)));
                    }
                    List<AppInstance> apps = new MixedWorkload(scenario, spec.workload().orElse(scenario.workload()),
                            seed).take(executions(spec, setup));
                    List<ExecutionResult> results = new ArrayList<>();
                    List<Integer> handovers = new ArrayList<>();
                    start.await();
                    startSchedule(cells);
                    log.accept(String.format(java.util.Locale.ROOT, "device %s: %d executions x %d policies, "
                            + "starts in cell %s", spec.id(), apps.size(), policies.size(), cells.cell()));
                    for (int e = 0; e < apps.size(); e++) {
                        for (Map.Entry<String, OffloadingPolicy> p : policies.entrySet()) {
                            double before = cells.seconds();
                            ExecutionResult r = runtime.execute(setup.runId(spec.id() + "-" + p.getKey()),
                                    e * devices + index, apps.get(e), Policies.spec(p.getKey()), p.getValue(), seed);
                            results.add(r);
                            handovers.add(cells.handoversBetween(before, cells.seconds()));
                            progress.step(spec.id() + " " + p.getKey() + " " + r.application() + " in "
                                    + cells.cell());
                            pause(idle, spec.meanIdleSeconds());
                        }
                    }
                    DetectionStats stats = detector.stats();
                    for (String name : setup.policies()) {
                        sink.detection(setup.runId(spec.id() + "-" + name), stats);
                    }
                    List<String> names = new ArrayList<>();
                    for (int c = 0; c <= scenario.fleet().cells().size(); c++) {
                        names.add(cells.cellName(c));
                    }
                    return new DeviceDone(new DeviceRun(spec.id(), results, handovers, names), stats);
                }
            }
        }

        /** Schedule time 0 now, or at the agreed instant (waiting for it, or starting that far in). */
        private void startSchedule(CellTracker cells) {
            if (fleetSetup.startAt().isEmpty()) {
                cells.start();
                return;
            }
            // wall time, read once to place the agreed instant on the device's monotonic clock
            double late = java.time.Duration.between(fleetSetup.startAt().get(), java.time.Instant.now()).toNanos()
                    / 1e9;
            if (late < 0) {
                log.accept(String.format(java.util.Locale.ROOT, "device %s: waiting %.1f s for the schedule's start %s",
                        spec.id(), -late, fleetSetup.startAt().get()));
                DeviceClock.SYSTEM.sleepNanos((long) (-late * 1e9));
                late = 0;
            }
            cells.start(late * fleetSetup.mobilitySpeedup());
        }

        /** The device's idle time between executions: exponential with the spec's mean, nothing drawn for 0. */
        private static void pause(RandomGenerator idle, double meanSeconds) {
            if (meanSeconds > 0) {
                double seconds = -meanSeconds * Math.log(1 - idle.nextDouble());
                DeviceClock.SYSTEM.sleepNanos((long) (seconds * 1e9));
            }
        }
    }

    /** The progress of all devices as one count. */
    private static final class SharedProgress {
        private final LiveComparison.Progress progress;
        private final StatusPage page;
        private final int total;
        private int done;

        SharedProgress(LiveComparison.Progress progress, StatusPage page, int total) {
            this.progress = progress;
            this.page = page;
            this.total = total;
        }

        synchronized void step(String label) {
            if (!label.isEmpty()) {
                done++;
            }
            progress.step(done, total, label);
            if (page != null && !label.isEmpty()) {
                page.progress(done + "/" + total + " executions; last: " + label);
            }
        }
    }

    /** Serializes the outcomes of concurrent devices into a sink written for one device. */
    private record SynchronizedSink(OutcomeSink sink) implements OutcomeSink {
        SynchronizedSink {
            Objects.requireNonNull(sink, "sink");
        }

        @Override
        public synchronized void task(TaskOutcome outcome) {
            sink.task(outcome);
        }

        @Override
        public synchronized void execution(ExecutionResult result) {
            sink.execution(result);
        }

        @Override
        public synchronized void detection(String runId, io.edgeoff.device.detector.DetectionStats stats) {
            sink.detection(runId, stats);
        }
    }
}
