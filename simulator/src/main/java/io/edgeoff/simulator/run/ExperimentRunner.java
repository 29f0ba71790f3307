package io.edgeoff.simulator.run;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.common.mobility.DeviceSpec;
import io.edgeoff.common.mobility.Fleet;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.placement.PlacementLoop;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.failure.FailureProcess;
import io.edgeoff.simulator.failure.SeedFailureProcess;
import io.edgeoff.simulator.failure.SiteTrace;
import io.edgeoff.simulator.failure.TimeFailureProcess;
import io.edgeoff.common.mobility.DeviceLinks;
import io.edgeoff.simulator.fleet.SimulatedDevice;
import io.edgeoff.simulator.metrics.FleetBreakdown;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Runs an {@link ExperimentSpec}: for every configuration, policy and sampling, one
 * {@link SamplingSimulation}. Samplings are independent units spread over the spec's threads; their
 * random streams depend only on the seed and their identity (configuration id, policy name, sampling index), so
 * results depend neither on the number of threads, nor on scheduling, nor on which units run in the same process
 * ({@link #runUnits}: the shards of {@code edgeoff simulate --shard}).
 */
public final class ExperimentRunner {
    private final PolicyRegistry policies;
    private final AvailabilitySource availability;
    private final PlacementRules rules;
    private final Optional<DetectorConfig> detector;

    /** Runs the product's policies ({@link Policies#registry()}) under the default placement rules. */
    public ExperimentRunner(AvailabilitySource availability) {
        this(Policies.registry(), availability, PlacementRules.ofDefaults());
    }

    /**
     * @param policies      the registry the spec's policy names are looked up in (tests add entries of their own)
     * @param availability  the traces and forecasts
     * @param rules         the placement loop's attempt cap (the device's default)
     */
    public ExperimentRunner(PolicyRegistry policies, AvailabilitySource availability, PlacementRules rules) {
        this(policies, availability, rules, Optional.empty());
    }

    /**
     * @param detector  when present, the simulator models the device's failure detector with these parameters
     *                  ({@link SuspicionModel#detector}): suspected sites reach the policies and the placement
     *                  loop; when empty nothing is ever suspected
     */
    public ExperimentRunner(PolicyRegistry policies, AvailabilitySource availability, PlacementRules rules,
                            Optional<DetectorConfig> detector) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** Runs without progress reporting. */
    public ExperimentResult run(ExperimentSpec spec) {
        return run(spec, done -> { });
    }

    /**
     * @param progress called with the number of samplings finished so far (from worker threads)
     */
    public ExperimentResult run(ExperimentSpec spec, LongConsumer progress) {
        return runDetailed(spec, progress).result();
    }

    /**
     * Runs the spec and also reports every sampling per device and per cell ({@link FleetBreakdown}); the
     * {@link FleetResult#result()} is what {@link #run} returns.
     *
     * @param progress called with the number of samplings finished so far (from worker threads)
     */
    public FleetResult runDetailed(ExperimentSpec spec, LongConsumer progress) {
        Units units = runUnitsDetailed(spec, unit -> true, progress);
        return new FleetResult(new ExperimentResult(spec, siteIds(spec), units.metrics(), availability.description()),
                units.breakdowns());
    }

    /**
     * Runs only some of the spec's units (one unit: one sampling of one policy on one configuration), for a shard of
     * the experiment ({@link io.edgeoff.simulator.shard}). Units are numbered in the spec's order: configuration, then
     * policy, then sampling ({@code unit = (c * policies + p) * samplings + s}). A unit's random streams depend only on
     * the seed and its identity (configuration id, policy name, sampling index; {@link Seeds}), so a unit gives the
     * same metrics whichever other units run beside it, in this process or another.
     *
     * @param selected which unit numbers to run
     * @param progress called with the number of selected samplings finished so far (from worker threads)
     * @return the metrics of the selected units, in unit order
     */
    public List<SamplingMetrics> runUnits(ExperimentSpec spec, IntPredicate selected, LongConsumer progress) {
        return runUnitsDetailed(spec, selected, progress).metrics();
    }

    /**
     * The metrics and the breakdowns per device and per cell of some units, both in unit order.
     *
     * @param metrics     one per unit
     * @param breakdowns  one per unit, in the same order
     */
    public record Units(List<SamplingMetrics> metrics, List<FleetBreakdown> breakdowns) {
        public Units {
            metrics = List.copyOf(metrics);
            breakdowns = List.copyOf(breakdowns);
        }
    }

    /**
     * {@link #runUnits} with each unit's breakdown per device and per cell, for a shard of a scenario with devices,
     * cells or mobility.
     */
    public Units runUnitsDetailed(ExperimentSpec spec, IntPredicate selected, LongConsumer progress) {
        spec.policies().forEach(policies::spec);
        if (spec.deviceCount() > 1 && spec.policies().contains(ClairvoyantPolicy.NAME)) {
            throw new IllegalArgumentException("policy " + ClairvoyantPolicy.NAME + " plans without the sites' queues,"
                    + " so it is no bound with several devices; " + (spec.scenario().fleet().devices().isEmpty()
                            ? "run it with --devices 1"
                            : "the scenario declares " + spec.deviceCount() + " under devices:"));
        }
        Scenario scenario = spec.scenario();
        Map<String, SamplingSimulation.AppPlan> plans = new LinkedHashMap<>();
        for (Application app : scenario.applications()) {
            plans.put(app.name(), SamplingSimulation.AppPlan.of(app));
        }
        int perConfig = spec.policies().size() * spec.samplings();
        int[] units = IntStream.range(0, spec.configurations().size() * perConfig).filter(selected).toArray();
        Map<Integer, ConfigurationSetup> setups = new LinkedHashMap<>();
        for (int unit : units) {
            setups.computeIfAbsent(spec.configurations().get(unit / perConfig), id -> ConfigurationSetup.create(
                    scenario, id, spec.seed(), availability, spec.predictor(), spec.downPredictor()));
        }
        if (units.length == 0) {
            return new Units(List.of(), List.of());
        }
        SamplingMetrics[] results = new SamplingMetrics[units.length];
        FleetBreakdown[] breakdowns = new FleetBreakdown[units.length];
        AtomicLong done = new AtomicLong();
        int threads = Math.min(spec.threads(), units.length);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edgeoff-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = Math.max(1, units.length / (threads * 8));
            for (int startIndex = 0; startIndex < units.length; startIndex += chunk) {
                int from = startIndex;
                int to = Math.min(units.length, startIndex + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        int unit = units[i];
                        int c = unit / perConfig;
                        int p = (unit % perConfig) / spec.samplings();
                        int s = unit % spec.samplings();
                        int configId = spec.configurations().get(c);
                        SamplingSimulation simulation = simulation(spec, setups.get(configId), plans,
                                spec.policies().get(p), s, null);
                        results[i] = simulation.run(configId, s);
                        breakdowns[i] = simulation.breakdown(configId, s);
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Units(Arrays.asList(results), Arrays.asList(breakdowns));
    }

    /** @return the site ids of the spec's scenario, in scenario order (the per-site columns of every report) */
    public static List<String> siteIds(ExperimentSpec spec) {
        return spec.scenario().sites().stream().map(site -> site.id()).toList();
    }

    /** @return where this runner's failure histories come from (a report's {@code trace}) */
    public String traceSource() {
        return availability.description();
    }

    /** Simulates one sampling of one policy on one configuration. */
    public SamplingMetrics runSampling(ExperimentSpec spec, ConfigurationSetup setup,
                                       Map<String, SamplingSimulation.AppPlan> plans, String policyName,
                                       int sampling) {
        return runSampling(spec, setup, plans, policyName, sampling, null);
    }

    /**
     * Simulates one sampling of one policy on one configuration.
     *
     * @param observer  sees every placed task (tests), or null
     */
    public SamplingMetrics runSampling(ExperimentSpec spec, ConfigurationSetup setup,
                                       Map<String, SamplingSimulation.AppPlan> plans, String policyName,
                                       int sampling, SamplingSimulation.PlacementObserver observer) {
        return simulation(spec, setup, plans, policyName, sampling, observer).run(setup.configuration().id(), sampling);
    }

    /** The simulation of one sampling of one policy on one configuration, with the sampling's devices. */
    private SamplingSimulation simulation(ExperimentSpec spec, ConfigurationSetup setup,
                                          Map<String, SamplingSimulation.AppPlan> plans, String policyName,
                                          int sampling, SamplingSimulation.PlacementObserver observer) {
        int configId = setup.configuration().id();
        long seed = spec.seed();
        PolicySpec policySpec = policies.spec(policyName);
        OffloadingPolicy policy = policySpec.create(new PolicyContext(setup.costModel(), spec.weights(),
                Seeds.derive(seed, Seeds.policyPurpose(policyName), configId, sampling)));
        FailureProcess failures = failureProcess(spec, setup, sampling);
        SuspicionModel suspicion = detector.map(config -> SuspicionModel.detector(config, failures,
                setup.costModel().siteCount())).orElse(SuspicionModel.none());
        return new SamplingSimulation(
                new PlacementLoop(setup.costModel(), policySpec, policy, rules), policySpec.needsGroundTruth(),
                failures, plans, devices(spec, setup.costModel(), configId, sampling),
                spec.scenario().devicePower().batteryJoules(), suspicion, observer);
    }

    /**
     * The sampling's devices: the scenario's {@code devices:}, or else {@code spec.devices()} copies of the seed's
     * device. Device k draws its workload from stream {@code workload(config, sampling)} (k = 0) or
     * {@code workload(config, sampling, k)}, as {@code --devices} always did, and its pauses from
     * {@code idle(config, sampling, k)}.
     */
    static List<SimulatedDevice> devices(ExperimentSpec spec, CostModel base, int configId, int sampling) {
        Fleet fleet = spec.scenario().fleet();
        List<DeviceSpec> specs = fleet.devices().isEmpty()
                ? deviceIds(spec).stream().map(DeviceSpec::plain).toList() : fleet.devices();
        List<RandomGenerator> streams = workloadStreams(spec.seed(), configId, sampling, specs.size());
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            DeviceSpec d = specs.get(k);
            devices.add(new SimulatedDevice(d.id(), d.workload().orElse(spec.scenario().workload()), streams.get(k),
                    d.executions().orElse(spec.executions()), d.meanIdleSeconds(),
                    Seeds.stream(spec.seed(), "idle", configId, sampling, k), new DeviceLinks(base, d, fleet),
                    fleet.handover()));
        }
        return devices;
    }

    /**
     * @return the ids of the spec's devices, in order: the scenario's {@code devices:}, or else the seed's device
     *         ({@code --devices 1}) or its {@code spec.devices()} copies {@code <id>-0}, {@code <id>-1}, ...
     */
    public static List<String> deviceIds(ExperimentSpec spec) {
        List<DeviceSpec> declared = spec.scenario().fleet().devices();
        if (!declared.isEmpty()) {
            return declared.stream().map(DeviceSpec::id).toList();
        }
        String site = spec.scenario().device().id();
        return spec.devices() == 1 ? List.of(site)
                : IntStream.range(0, spec.devices()).mapToObj(k -> site + "-" + k).toList();
    }

    /** Device 0 uses stream {@code workload(config, sampling)}, device k &gt; 0 {@code workload(config, sampling, k)}. */
    static List<RandomGenerator> workloadStreams(long seed, int configId, int sampling, int devices) {
        List<RandomGenerator> streams = new ArrayList<>();
        streams.add(Seeds.stream(seed, "workload", configId, sampling));
        for (int k = 1; k < devices; k++) {
            streams.add(Seeds.stream(seed, "workload", configId, sampling, k));
        }
        return streams;
    }

    /** The failure process of one sampling; identical for every policy (common random numbers). */
    static FailureProcess failureProcess(ExperimentSpec spec, ConfigurationSetup setup, int sampling) {
        int configId = setup.configuration().id();
        SiteTrace[] traces = setup.traces();
        RandomGenerator offsets = Seeds.stream(spec.seed(), "trace-offset", configId, sampling);
        if (spec.failureMode() == FailureMode.SEED) {
            int[] startDays = new int[traces.length];
            for (int s = 0; s < traces.length; s++) {
                startDays[s] = traces[s] == null ? 0 : offsets.nextInt(traces[s].days());
            }
            return new SeedFailureProcess(traces, startDays, Seeds.stream(spec.seed(), "failures", configId, sampling));
        }
        double[] offsetSeconds = new double[traces.length];
        for (int s = 0; s < traces.length; s++) {
            offsetSeconds[s] = traces[s] == null ? 0 : offsets.nextDouble() * traces[s].lengthSeconds();
        }
        return new TimeFailureProcess(traces, offsetSeconds, spec.timeCompression());
    }
}
