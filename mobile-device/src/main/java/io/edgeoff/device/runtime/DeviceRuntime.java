package io.edgeoff.device.runtime;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.site.Site;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.placement.AttemptRunner;
import io.edgeoff.decision.placement.Placement;
import io.edgeoff.decision.placement.PlacementLoop;
import io.edgeoff.decision.placement.PlacementReason;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.FailureKind;
import io.edgeoff.device.client.LinkEmulator;
import io.edgeoff.device.client.OffloadResult;
import io.edgeoff.device.client.SiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.TaskReply;
import io.edgeoff.siteapi.TaskRequest;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.detector.SuspicionListener;
import io.edgeoff.device.kernel.LocalKernel;
import io.edgeoff.device.mobility.HandoverWatch;
import io.edgeoff.device.monitor.AvailabilityBelief;
import io.edgeoff.device.monitor.BeliefConfig;
import io.edgeoff.device.monitor.EstimatorConfig;
import io.edgeoff.device.monitor.NetworkEstimator;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.profiler.ApplicationProfiler;
import io.edgeoff.device.handlers.HandlerProfile;
import io.edgeoff.device.handlers.HandlerSupport;
import io.edgeoff.device.handlers.LocalHandlers;
import io.edgeoff.device.workload.HandlerTask;
import io.edgeoff.device.workload.MixedWorkload;
import io.edgeoff.device.workload.TaskBinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs application executions on the live sites. For each execution the DAG's ready tasks run in parallel;
 * each task is placed by the one {@link PlacementLoop} the simulator also runs: the policy is asked (with the
 * profiler's estimates, the monitor's outlook and the detector's suspicions, excluded or not as the policy's
 * registry entry says), the attempt is offloaded with a deadline derived from its expected time, and a failed
 * attempt is re-decided by the loop's rules (failure response, attempt cap, fallback to the device), where the task
 * runs with the shared compute kernel at the device's rating ({@link LocalKernel}). Exactly one {@link TaskOutcome} is
 * recorded per task. Times are measured; the device energy of an attempt is the cost model's
 * ({@link CostModel#energyJoules}) for the measured uplink, busy and downlink durations, so live and simulated
 * runs share one energy formula.
 *
 * <p>With {@link RuntimeConfig#measuredInputs()} the policy plans with the {@link NetworkEstimator}'s measured link
 * latency, bandwidth and queueing delay (the scenario's values as priors), which every attempt records
 * ({@link Attempt#inputs()}); with {@link RuntimeConfig#learnAvailability()} the outlook's down probability is the
 * {@link AvailabilityBelief} that combines each site's forecast with the run's attempts and the detector's suspicions.
 * <p><b>Data flow.</b> With a {@link TaskBinding} that binds tasks to handlers ({@link Builder#binding}), a task's
 * output bytes are the real input of its successors: a root of the DAG gets its handler's generated input (seeded by
 * the execution), a task with several predecessors their outputs concatenated in ascending task index. Every output
 * returns to the device (it is the site's reply) and the device sends it in the successor's request, wherever that
 * runs: the bytes travel through the device (a direct site-to-site transfer is a possible follow-up). The link
 * emulation and the cost model keep the seed's data path (input from the previous task's site) with the real byte
 * counts: a decision plans with the real size of the input at hand, and the profiler's estimate of the output. A
 * handler task's output is checked by its handler's format ({@link io.edgeoff.handlers.Forwarding#problem}), not
 * re-run. Synthetic tasks keep the seed's model: inputs drawn at the scenario's sizes, no data flow.
 *
 * <p><b>Learnt handler costs.</b> Each handler attempt's measured execution time (the site's rated
 * {@code executionMillis}, or the device's rated local time) trains the {@link HandlerProfile} per (handler, site);
 * before each decision the profile's predictions for the input at hand become each site's speed for this task
 * ({@link PlanningInputs#speeds()}), so the policy's cost model plans with the learnt times. The simulator never sets
 * speeds. Thread-safe for one execution at a time.
 */
public final class DeviceRuntime implements AutoCloseable {
    private final Scenario scenario;
    private final CostModel costModel;
    private final SiteEndpoint[] endpoints;
    private final SiteClient client;
    private final FailureDetector detector;
    private final ResourceMonitor monitor;
    private final ApplicationProfiler profiler;
    private final LinkEmulator links;
    private final LocalKernel kernel;
    private final OutcomeSink sink;
    private final RuntimeConfig config;
    /** Which remote sites can run which task (a task bound to a handler: only sites that advertise it). */
    private final io.edgeoff.decision.placement.TaskSupport taskSupport;
    private final DeviceClock clock;
    private final int device;
    private final ExecutorService workers;
    private final Map<String, Set<CompletableFuture<OffloadResult>>> inFlight = new ConcurrentHashMap<>();
    /** Measured planning inputs, or null when the runtime plans with the scenario's values. */
    private final NetworkEstimator estimator;
    /**
     * Per run (a policy's series of executions), what the device learned of each site's availability from that run's
     * attempts and from every suspicion; null when it does not learn. Per run, so that policies compared on one device
     * do not learn from each other's attempts.
     */
    private final Map<String, AvailabilityBelief> beliefs;
    /** Which tasks run a handler (with real data flowing between them); {@link TaskBinding#SYNTHETIC}: none. */
    private final TaskBinding binding;
    /** Runs handler tasks on the device; null when nothing is bound. */
    private final LocalHandlers localHandlers;
    /** This host's speed, MIPS, for the device's speed emulation of local handler calls (0 when nothing is bound). */
    private final double hostMips;
    /** What the device learns of each handler's cost per site; null when it does not learn or nothing is bound. */
    private final HandlerProfile handlerProfile;
    private final DataTap tap;
    /** The device's cell over time (a fleet device), or null for a device in a fixed place. */
    private final io.edgeoff.device.mobility.CellTracker cells;

    private DeviceRuntime(Builder b) {
        this.scenario = b.scenario;
        this.costModel = b.costModel;
        this.client = b.client;
        this.detector = b.detector;
        this.monitor = b.monitor;
        this.profiler = b.profiler;
        this.links = b.links;
        this.sink = b.sink;
        this.config = b.config;
        this.clock = b.clock;
        this.binding = b.binding;
        this.tap = b.tap;
        this.cells = b.cells;
        if (binding.synthetic()) {
            this.localHandlers = null;
            this.hostMips = 0;
            this.handlerProfile = null;
        } else {
            this.localHandlers = b.localHandlers != null ? b.localHandlers
                    : LocalHandlers.load(List.of(), io.edgeoff.task.HandlerLimits.DEFAULT, clock);
            this.hostMips = b.hostMips > 0 ? b.hostMips
                    : io.edgeoff.common.compute.ComputeKernel.hostMips(
                            io.edgeoff.common.compute.ComputeKernel.measureNanosPerRound(40_000_000L));
            this.handlerProfile = b.learnHandlerCosts
                    ? new HandlerProfile(HandlerPriors.of(scenario, costModel, binding), HandlerPriors.WEIGHT) : null;
        }
        this.taskSupport = b.taskSupportSet || binding.synthetic() ? b.taskSupport
                : new HandlerSupport((app, task) -> binding.of(app.application(), task).map(HandlerTask::handler),
                        site -> monitor.handlers(costModel.sites().get(site).id()).orElse(localHandlers.names()));
        this.kernel = new LocalKernel(clock);
        this.device = costModel.deviceIndex();
        this.endpoints = new SiteEndpoint[costModel.siteCount()];
        Map<String, SiteEndpoint> byId = new HashMap<>();
        b.endpoints.forEach(e -> byId.put(e.siteId(), e));
        for (int i = 0; i < endpoints.length; i++) {
            Site site = costModel.sites().get(i);
            if (site.isRemote()) {
                endpoints[i] = byId.get(site.id());
                if (endpoints[i] == null) {
                    throw new IllegalArgumentException("no endpoint for site " + site.id() + "; endpoints given for "
                            + byId.keySet());
                }
                inFlight.put(site.id(), ConcurrentHashMap.newKeySet());
            }
        }
        monitor.useLinks(links);
        if (config.measuredInputs()) {
            this.estimator = new NetworkEstimator(costModel, EstimatorConfig.ofDefaults());
            monitor.attach(estimator);
        } else {
            this.estimator = null;
        }
        if (cells != null && estimator != null) {
            cells.relinkAtHandovers(estimator);
        }
        if (config.learnAvailability()) {
            this.beliefs = new ConcurrentHashMap<>();
            detector.addListener(new SuspicionListener() {
                @Override
                public void suspected(String siteId, String cause) {
                    beliefs.values().forEach(b -> b.suspected(siteId));
                }
            });
        } else {
            this.beliefs = null;
        }
        this.workers = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "edgeoff-task");
            t.setDaemon(true);
            return t;
        });
        if (detector.config().abandonOnSuspicion()) {
            detector.addListener(new SuspicionListener() {
                @Override
                public void suspected(String siteId, String cause) {
                    if (!FailureDetector.SILENCE.equals(cause)) {
                        abandonInFlight(siteId, cause);
                    }
                }
            });
        }
    }

    /**
     * @throws IllegalArgumentException when {@code spec}'s policy needs the simulator's ground truth, which a live
     *         device does not have
     */
    public static void requireLive(PolicySpec spec) {
        if (spec.needsGroundTruth()) {
            throw new IllegalArgumentException("policy " + spec.name() + " needs the simulator's ground truth (which "
                    + "sites are really up), which a live device does not have; run it with 'edgeoff simulate'");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public CostModel costModel() {
        return costModel;
    }

    /**
     * Runs one execution of {@code actual} under {@code policy} and records its outcomes.
     *
     * @param runId      identifier of the run (a policy's series of executions)
     * @param execution  execution number in the run
     * @param spec       the policy's registry entry (its failure and suspicion responses)
     * @param policy     the run's instance of the policy, created from {@code spec}
     * @param inputSeed  seed of the tasks' input bytes
     * @throws IllegalArgumentException when the policy needs the simulator's ground truth
     */
    public ExecutionResult execute(String runId, int execution, AppInstance actual, PolicySpec spec,
                                   OffloadingPolicy policy, long inputSeed) {
        requireLive(spec);
        PlacementLoop loop = new PlacementLoop(costModel, spec, new SerialPolicy(policy), config.placement(),
                taskSupport);
        Execution ex = new Execution(runId, execution, actual, profiler.plan(actual), policy, loop, inputSeed);
        long start = clock.nanoTime();
        int n = actual.size();
        int[][] predecessors = actual.application().predecessors();
        int[][] successors = actual.application().successors();
        int[] missing = new int[n];
        int[] placement = new int[n];
        Arrays.fill(placement, -1);
        TaskOutcome[] outcomes = new TaskOutcome[n];
        byte[][] outputs = new byte[n][];
        ExecutorCompletionService<Finished> done = new ExecutorCompletionService<>(workers);
        int pending = 0;
        for (int i = 0; i < n; i++) {
            missing[i] = predecessors[i].length;
            if (missing[i] == 0) {
                submit(done, ex, i, placement, inputOf(ex, i, predecessors[i], outputs));
                pending++;
            }
        }
        while (pending > 0) {
            Finished finished = take(done);
            TaskOutcome outcome = finished.outcome();
            pending--;
            int i = outcome.taskIndex();
            if (outcomes[i] != null) {
                throw new IllegalStateException("task " + outcome.taskName() + " finished twice");
            }
            outcomes[i] = outcome;
            outputs[i] = finished.output();
            placement[i] = outcome.completed() ? outcome.siteIndex() : device;
            sink.task(outcome);
            for (int s : successors[i]) {
                if (--missing[s] == 0) {
                    submit(done, ex, s, placement, inputOf(ex, s, predecessors[s], outputs));
                    pending++;
                }
            }
        }
        double seconds = clock.secondsSince(start);
        double energy = Arrays.stream(outcomes).mapToDouble(TaskOutcome::energyJoules).sum();
        ExecutionResult result = new ExecutionResult(runId, policy.name(), execution, actual.application().name(),
                seconds, energy, List.of(outcomes));
        sink.execution(result);
        return result;
    }

    /**
     * The input bytes of task {@code task}. A synthetic task's are drawn at its drawn size
     * ({@link MixedWorkload#inputBytes}), as in the seed. A handler task's are real data: a root of the DAG gets its
     * handler's input generated from the execution's seed ({@link #rootInput}); any other task gets its predecessors'
     * outputs concatenated in ascending task index (the application's task order), a lost predecessor contributing no
     * bytes. The device holds every output (it is the site's reply), so the bytes travel through the device.
     */
    private byte[] inputOf(Execution ex, int task, int[] predecessors, byte[][] outputs) {
        java.util.Optional<HandlerTask> work = binding.of(ex.actual.application(), task);
        if (work.isEmpty()) {
            return MixedWorkload.inputBytes(ex.inputSeed, ex.execution, task, ex.actual.task(task).inKB());
        }
        if (predecessors.length == 0) {
            return rootInput(work.get(), MixedWorkload.inputSeed(ex.inputSeed, ex.execution, task));
        }
        int[] order = predecessors.clone();
        Arrays.sort(order);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (int p : order) {
            if (outputs[p] != null) {
                joined.writeBytes(outputs[p]);
            }
        }
        return joined.toByteArray();
    }

    /** A root's input: the built-in handler's generated input, or seeded random bytes for another handler. */
    static byte[] rootInput(HandlerTask work, long seed) {
        boolean builtIn = io.edgeoff.handlers.BuiltInHandlers.all().stream()
                .anyMatch(h -> h.name().equals(work.handler()));
        if (builtIn) {
            return io.edgeoff.handlers.BuiltInHandlers.input(work.handler(), seed, work.rootInputSize());
        }
        byte[] bytes = new byte[work.rootInputSize()];
        java.util.random.RandomGeneratorFactory.of(MixedWorkload.GENERATOR).create(seed).nextBytes(bytes);
        return bytes;
    }

    private void submit(ExecutorCompletionService<Finished> done, Execution ex, int task, int[] placement,
                        byte[] input) {
        int[] snapshot = placement.clone();
        done.submit(() -> {
            try {
                return runTask(ex, task, snapshot, input);
            } catch (RuntimeException e) {
                TaskInstance t = ex.actual.task(task);
                return new Finished(new TaskOutcome(ex.runId, ex.policy.name(), ex.execution,
                        ex.actual.application().name(), task, t.name(), -1, "", false, List.of(), 0, 0,
                        PlacementReason.POLICY_CHOICE), null);
            }
        });
    }

    private static Finished take(ExecutorCompletionService<Finished> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running an execution", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("task runner failed", e.getCause());
        }
    }

    private Finished runTask(Execution ex, int task, int[] placement, byte[] input) {
        long start = clock.nanoTime();
        TaskInstance drawn = ex.actual.task(task);
        int from = previousSite(ex.actual, task, placement);
        HandlerTask work = binding.of(ex.actual.application(), task, drawn.millionInstructions()).orElse(null);
        // a handler task's size is its real input's; its output size and work stay the profiler's estimates
        TaskInstance actual = work == null ? drawn : withSizes(drawn, input.length / 1024.0, drawn.outKB());
        AppInstance planned = work == null ? ex.planned : withInput(ex.planned, task, input.length / 1024.0);
        TaskAttempts attempts = new TaskAttempts(ex, task, from, input, actual, planned.task(task), work);
        Placement<FailureKind> placed = ex.loop.place(planned, task, from, placement, attempts, attempts,
                new Placement<>());
        int site = placed.finalSite();
        if (attempts.output != null) {
            tap.task(ex.runId, ex.execution, task, costModel.sites().get(site).id(), input, attempts.output);
        }
        return new Finished(new TaskOutcome(ex.runId, ex.policy.name(), ex.execution, ex.actual.application().name(),
                task, drawn.name(), site, costModel.sites().get(site).id(), true, attempts.done,
                clock.secondsSince(start), placed.totalEnergyJoules(), placed.reason()), attempts.output);
    }

    private static TaskInstance withSizes(TaskInstance t, double inKB, double outKB) {
        return new TaskInstance(t.name(), t.millionInstructions(), inKB, outKB, t.memoryGb(), t.offloadable(),
                t.sink());
    }

    private static AppInstance withInput(AppInstance app, int task, double inKB) {
        List<TaskInstance> tasks = new ArrayList<>(app.tasks());
        tasks.set(task, withSizes(tasks.get(task), inKB, tasks.get(task).outKB()));
        return new AppInstance(app.application(), tasks);
    }

    /** A finished task and its output bytes (null when it was lost). */
    private record Finished(TaskOutcome outcome, byte[] output) {
    }

    /** The drawn work of a warm-up call, MI: small, but enough for a built-in handler's effort path to be compiled. */
    public static final double WARM_UP_MILLION_INSTRUCTIONS = 50;

    /**
     * Runs every handler the binding uses on the seed's applications three times on the device (a root's generated
     * input, as a task of {@value #WARM_UP_MILLION_INSTRUCTIONS} MI), without learning from it, so that the device's
     * first measured executions are not its JIT's. Does nothing with synthetic tasks.
     */
    public void warmUpHandlers() {
        if (binding.synthetic()) {
            return;
        }
        java.util.Set<HandlerTask> tasks = new java.util.LinkedHashSet<>();
        for (io.edgeoff.common.app.Application app : scenario.applications()) {
            for (int i = 0; i < app.size(); i++) {
                binding.of(app, i, WARM_UP_MILLION_INSTRUCTIONS).ifPresent(tasks::add);
            }
        }
        for (HandlerTask task : tasks) {
            for (int round = 0; round < 3; round++) {
                localHandlers.execute(task.handler(), rootInput(task, round), task.parameters(), hostMips, hostMips);
            }
        }
    }

    /** @return the host speed the device's local handler calls are emulated against, MIPS (0 with synthetic tasks) */
    public double hostMips() {
        return hostMips;
    }

    /** @return what the device has learnt of each handler's cost, or null when it does not learn */
    public HandlerProfile handlerProfile() {
        return handlerProfile;
    }

    /**
     * @return the availability of {@code siteId} that run {@code runId} believes now, given the site's
     *         {@code forecast}: the forecast itself when the device does not learn (each run learns from its own
     *         attempts only)
     */
    public double believedAvailability(String runId, String siteId, double forecast) {
        AvailabilityBelief belief = belief(runId);
        return belief == null ? forecast : belief.availability(siteId, forecast);
    }

    /** @return what run {@code runId} has learned, or null when the device does not learn */
    private AvailabilityBelief belief(String runId) {
        return beliefs == null ? null
                : beliefs.computeIfAbsent(runId, id -> new AvailabilityBelief(BeliefConfig.ofDefaults(), clock));
    }

    /** @return the measured planning inputs now, or {@link PlanningInputs#none()} when not measuring */
    public PlanningInputs planningInputs() {
        PlanningInputs measured = estimator == null ? PlanningInputs.none() : estimator.inputs();
        return cells == null ? measured : cells.merge(measured);
    }

    /**
     * What the policy sees before each decision: the monitor's forecasts of the model the policy plans with
     * ({@code PolicyForecasts.predictorFor}) and the detector's suspicions, now, with the down probability the device
     * believes when it learns.
     */
    private List<SiteOutlook> outlook(String runId, String predictor) {
        AvailabilityBelief belief = belief(runId);
        List<SiteOutlook> outlook = new ArrayList<>(endpoints.length);
        for (int s = 0; s < endpoints.length; s++) {
            if (s == device) {
                outlook.add(SiteOutlook.certain());
            } else {
                String id = endpoints[s].siteId();
                SiteOutlook forecast = monitor.outlook(id, detector.isSuspected(id), predictor);
                outlook.add(belief == null ? forecast : belief.outlook(id, forecast));
            }
        }
        return outlook;
    }

    /**
     * The device's side of the placement loop for one task: offloads over HTTP or runs the task locally (the compute
     * kernel, or its handler), measures, tells the detector about a failure, and keeps the attempts (with their details)
     * and the output for the task's outcome.
     */
    private final class TaskAttempts implements AttemptRunner<FailureKind>, io.edgeoff.decision.placement.OutlookProvider {
        final Execution ex;
        final int task;
        final int from;
        final byte[] input;
        /** The task with its real input size (a handler task) or as drawn (a synthetic task). */
        final TaskInstance instance;
        /** The task as planned: the profiler's work and output estimates, the real input size of a handler task. */
        final TaskInstance planned;
        /** The handler the task runs, or null for the synthetic task. */
        final HandlerTask work;
        final List<Attempt> done = new ArrayList<>();
        /** The output of the successful attempt. */
        byte[] output;
        /** The inputs of the decision whose attempt runs next (none when the loop chose the device itself). */
        PlanningInputs decidedWith = PlanningInputs.none();

        TaskAttempts(Execution ex, int task, int from, byte[] input, TaskInstance instance, TaskInstance planned,
                     HandlerTask work) {
            this.ex = ex;
            this.task = task;
            this.from = from;
            this.input = input;
            this.instance = instance;
            this.planned = planned;
            this.work = work;
        }

        @Override
        public List<SiteOutlook> outlook(double elapsedSeconds) {
            return DeviceRuntime.this.outlook(ex.runId,
                    io.edgeoff.device.monitor.PolicyForecasts.predictorFor(ex.policy.name()));
        }

        @Override
        public PlanningInputs inputs(double elapsedSeconds) {
            decidedWith = planningInputs();
            if (work != null && handlerProfile != null) {
                decidedWith = decidedWith.withSpeeds(learntSpeeds(work.handler(), input.length,
                        planned.millionInstructions()));
            }
            return decidedWith;
        }

        @Override
        public void run(int site, double elapsedSeconds, Placement<FailureKind> out) {
            Attempt attempt = site == device ? runLocally(this) : offload(this, site);
            attempt = attempt.plannedWith(decidedWith);
            decidedWith = PlanningInputs.none();
            done.add(attempt);
            AvailabilityBelief belief = belief(ex.runId);
            if (site != device && belief != null) {
                // an attempt abandoned on suspicion is counted by the suspicion itself
                if (attempt.succeeded()) {
                    belief.succeeded(attempt.siteId());
                } else if (attempt.failure() != FailureKind.SUSPECTED && !attempt.handoverInterrupted()) {
                    belief.failed(attempt.siteId());
                }
            }
            if (attempt.succeeded()) {
                out.succeeded(attempt.seconds(), attempt.energyJoules());
            } else {
                if (!attempt.handoverInterrupted()) { // the device moved; the site did not fail
                    detector.taskFailed(attempt.siteId(), attempt.failure());
                }
                out.failed(attempt.failure(), attempt.seconds(), attempt.energyJoules());
            }
        }
    }

    /**
     * Per site (the device included), the speed at which the task's planned work takes the time the handler profile
     * predicts there for this input size, so that the cost model's execution time is the prediction
     * ({@link io.edgeoff.common.cost.SiteSpeed}). Sites without a positive prediction keep the scenario's MIPS.
     */
    private List<io.edgeoff.common.cost.SiteSpeed> learntSpeeds(String handler, long inputBytes,
                                                                 double plannedMillionInstructions) {
        List<io.edgeoff.common.cost.SiteSpeed> speeds = new ArrayList<>();
        if (!(plannedMillionInstructions > 0)) {
            return speeds;
        }
        synchronized (handlerProfile) {
            for (Site site : costModel.sites()) {
                double predicted = handlerProfile.predictSeconds(handler, site.id(), inputBytes);
                if (predicted > 0) {
                    speeds.add(io.edgeoff.common.cost.SiteSpeed.of(site.id(), plannedMillionInstructions, predicted));
                }
            }
        }
        return speeds;
    }

    /**
     * Learns one measured execution of a handler.
     *
     * @return the execution with the prediction made just before it, or null when the device does not learn
     */
    private HandlerTiming learn(String handler, String siteId, long inputBytes, double measuredSeconds) {
        if (handlerProfile == null) {
            return null;
        }
        synchronized (handlerProfile) {
            double predicted = handlerProfile.predictSeconds(handler, siteId, inputBytes);
            handlerProfile.observe(handler, siteId, inputBytes, measuredSeconds);
            return new HandlerTiming(handler, inputBytes, predicted, measuredSeconds);
        }
    }

    private Attempt offload(TaskAttempts a, int site) {
        Execution ex = a.ex;
        int task = a.task;
        int from = a.from;
        TaskInstance t = a.instance;
        SiteEndpoint endpoint = endpoints[site];
        double mips = costModel.sites().get(site).mips();
        long start = clock.nanoTime();
        HandoverWatch watch = cells == null ? HandoverWatch.NONE : cells.watch();
        LinkEmulator links = cells == null ? this.links : this.links.pinned(); // the attempt's path: its start cell's
        double up = links.uplinkSeconds(t, from, site);
        if (watch.nanosUntilInterrupt() < up * 1e9) {
            return interruptedUplink(watch, links, from, site, start);
        }
        links.transmit(up);
        long sent = clock.nanoTime();
        String kind = ex.actual.application().tasks().get(task).kind().name();
        String key = ex.runId + "/" + ex.execution + "/" + task;
        TaskRequest request = a.work == null
                ? new TaskRequest(key, t.name(), kind, t.millionInstructions(), t.outKB(), a.input)
                : new TaskRequest(key, t.name(), kind, t.millionInstructions(), t.outKB(), a.input, a.work.handler(),
                        a.work.parameters());
        double expectedSiteSeconds = a.planned.millionInstructions() / mips;
        if (a.work != null && handlerProfile != null) {
            synchronized (handlerProfile) {
                expectedSiteSeconds = Math.max(expectedSiteSeconds,
                        handlerProfile.predictSeconds(a.work.handler(), endpoint.siteId(), a.input.length));
            }
        }
        OffloadResult result = await(endpoint, request, detector.config().deadlineFor(expectedSiteSeconds), watch);
        double wait = clock.secondsSince(sent);
        if (result instanceof OffloadResult.Completed && watch.interrupts()) { // the reply came after the handover
            result = new OffloadResult.Failed(FailureKind.HANDOVER, watch.detail());
        }
        if (result instanceof OffloadResult.Failed failed) {
            double energy = costModel.energyJoules(from, site, up, wait, 0);
            return new Attempt(site, endpoint.siteId(), failed.kind(), failed.detail(), clock.secondsSince(start),
                    energy).inCell(watch.startCell(), false);
        }
        TaskReply reply = ((OffloadResult.Completed) result).reply();
        String wrong = !config.verifyOutputs() ? null : wrongOutput(a, kind, reply.output());
        if (wrong != null) {
            double energy = costModel.energyJoules(from, site, up, wait, 0);
            return new Attempt(site, endpoint.siteId(), FailureKind.SERVER_ERROR, wrong, clock.secondsSince(start),
                    energy).inCell(watch.startCell(), false);
        }
        detector.alive(endpoint.siteId());
        double outKB = reply.output().length / 1024.0;
        double down = links.downlinkSeconds(a.work == null ? t : withSizes(t, t.inKB(), outKB), from, site);
        if (watch.nanosUntilInterrupt() < down * 1e9) {
            links.transmit(watch.nanosUntilInterrupt() / 1e9);
            return new Attempt(site, endpoint.siteId(), FailureKind.HANDOVER, watch.detail(),
                    clock.secondsSince(start), costModel.energyJoules(from, site, up, wait, clock.secondsSince(sent)
                    - wait)).inCell(watch.startCell(), false);
        }
        links.transmit(down);
        double executionSeconds = reply.executionMillis() / 1000.0;
        profiler.observe(ex.actual.application(), task, executionSeconds, mips, outKB);
        HandlerTiming timing = a.work == null ? null
                : learn(a.work.handler(), endpoint.siteId(), a.input.length, executionSeconds);
        double network = Math.max(0, wait - executionSeconds - reply.queueWaitMillis() / 1000.0);
        monitor.recordTransfer(endpoint.siteId(), t.inKB() + outKB, network);
        if (estimator != null) {
            estimator.taskReply(endpoint.siteId(), reply.queueWaitMillis(), reply.executionMillis());
            measureTransfer(endpoint.siteId(), from, t.inKB(), outKB, (sent - start) / 1e9, network);
        }
        a.output = reply.output();
        return new Attempt(site, endpoint.siteId(), null, "", clock.secondsSince(start),
                costModel.energyJoules(from, site, up, wait, down)).timed(timing)
                .inCell(watch.startCell(), watch.finishedOverOldPath());
    }

    /** An attempt abandoned at a handover during its upload: the device sends until the handover. */
    private Attempt interruptedUplink(HandoverWatch watch, LinkEmulator links, int from, int site, long start) {
        links.transmit(watch.nanosUntilInterrupt() / 1e9);
        double sent = clock.secondsSince(start);
        return new Attempt(site, costModel.sites().get(site).id(), FailureKind.HANDOVER, watch.detail(), sent,
                costModel.energyJoules(from, site, sent, 0, 0)).inCell(watch.startCell(), false);
    }

    /**
     * @return why a site's output is not accepted, or null when it is: a synthetic task's output must be the shared
     *         compute kernel's; a handler task's must pass its handler's format check
     *         ({@link io.edgeoff.handlers.Forwarding#problem}: the data it worked on, then a result; nothing is re-run)
     */
    private static String wrongOutput(TaskAttempts a, String kind, byte[] output) {
        if (a.work == null) {
            return LocalKernel.isGenuine(kind, a.instance.millionInstructions(), a.input, output) ? null
                    : "output does not match the compute kernel";
        }
        return io.edgeoff.handlers.Forwarding.problem(a.work.handler(), a.input, output)
                .map(p -> "output of handler " + a.work.handler() + " fails its format check: " + p).orElse(null);
    }

    /**
     * A bandwidth sample of the device-site link, when the input came from the device: with emulated links the
     * emulated upload (one latency leg), on a real network the request and reply's network time (two legs).
     */
    private void measureTransfer(String siteId, int from, double inKB, double outKB, double emulatedUpSeconds,
                                 double networkSeconds) {
        if (from != device) {
            return;
        }
        if (links.enabled()) {
            estimator.transfer(siteId, inKB, emulatedUpSeconds, 1);
        } else {
            estimator.transfer(siteId, inKB + outKB, networkSeconds, 2);
        }
    }

    private OffloadResult await(SiteEndpoint endpoint, TaskRequest request, java.time.Duration deadline,
                                HandoverWatch watch) {
        CompletableFuture<OffloadResult> future = client.submit(endpoint, request, deadline);
        Set<CompletableFuture<OffloadResult>> flying = inFlight.get(endpoint.siteId());
        flying.add(future);
        try {
            return watch.await(future, (deadline.toMillis() + 1000) * 1_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OffloadResult.Failed(FailureKind.TIMEOUT, "interrupted");
        } catch (ExecutionException e) {
            return new OffloadResult.Failed(FailureKind.CONNECTION_LOST, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new OffloadResult.Failed(FailureKind.TIMEOUT, "no answer within " + deadline.toMillis() + " ms");
        } catch (java.util.concurrent.CancellationException e) {
            return new OffloadResult.Failed(FailureKind.SUSPECTED, "abandoned");
        } finally {
            flying.remove(future);
        }
    }

    private void abandonInFlight(String siteId, String cause) {
        Set<CompletableFuture<OffloadResult>> flying = inFlight.get(siteId);
        if (flying == null) {
            return;
        }
        for (CompletableFuture<OffloadResult> f : flying) {
            f.complete(new OffloadResult.Failed(FailureKind.SUSPECTED, "site suspected (" + cause + ")"));
        }
    }

    private Attempt runLocally(TaskAttempts a) {
        Execution ex = a.ex;
        int from = a.from;
        TaskInstance t = a.instance;
        long start = clock.nanoTime();
        double fetch = from == device ? 0 : links.uplinkSeconds(t, from, device);
        links.transmit(fetch);
        long computeStart = clock.nanoTime();
        double mips = costModel.sites().get(device).mips();
        String kind = ex.actual.application().tasks().get(a.task).kind().name();
        HandlerTiming timing = null;
        if (a.work == null) {
            a.output = kernel.execute(kind, a.input, t.millionInstructions(), t.outKB(), mips);
        } else {
            LocalHandlers.LocalRun run = localHandlers.execute(a.work.handler(), a.input, a.work.parameters(), mips,
                    hostMips);
            a.output = run.output();
            timing = learn(a.work.handler(), costModel.sites().get(device).id(), a.input.length,
                    run.ratedNanos() / 1e9);
        }
        double exec = clock.secondsSince(computeStart);
        profiler.observe(ex.actual.application(), a.task, exec, mips, a.output.length / 1024.0);
        double energy = costModel.energyJoules(from, device, fetch, exec, 0);
        return new Attempt(device, costModel.sites().get(device).id(), null, "", clock.secondsSince(start), energy)
                .timed(timing).inCell(cells == null ? "" : cells.cell(), false);
    }

    /** The site the task's input comes from, by the rule the planners and the simulator use. */
    private int previousSite(AppInstance app, int task, int[] placement) {
        return DagPlacement.previousSite(app.application(), task, placement, device);
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Execution(String runId, int execution, AppInstance actual, AppInstance planned,
                             OffloadingPolicy policy, PlacementLoop loop, long inputSeed) {
    }

    /** The policy of an execution, asked by one task thread at a time (a policy instance is single-threaded). */
    private record SerialPolicy(OffloadingPolicy policy) implements OffloadingPolicy {
        @Override
        public String name() {
            return policy.name();
        }

        @Override
        public Decision decide(DecisionRequest request) {
            synchronized (policy) {
                return policy.decide(request);
            }
        }
    }

    /** Assembles a runtime; every part is required except where a default is named. */
    public static final class Builder {
        private Scenario scenario;
        private CostModel costModel;
        private List<SiteEndpoint> endpoints = List.of();
        private SiteClient client;
        private FailureDetector detector;
        private ResourceMonitor monitor;
        private ApplicationProfiler profiler = new ApplicationProfiler();
        private LinkEmulator links = LinkEmulator.disabled();
        private OutcomeSink sink = OutcomeSink.NONE;
        private RuntimeConfig config = RuntimeConfig.ofDefaults();
        private DeviceClock clock = DeviceClock.SYSTEM;
        private io.edgeoff.decision.placement.TaskSupport taskSupport = io.edgeoff.decision.placement.TaskSupport.ALL;
        private boolean taskSupportSet;
        private TaskBinding binding = TaskBinding.SYNTHETIC;
        private LocalHandlers localHandlers;
        private double hostMips;
        private boolean learnHandlerCosts = true;
        private DataTap tap = DataTap.NONE;
        private io.edgeoff.device.mobility.CellTracker cells;

        /**
         * @param cells  a fleet device's cell over time ({@link io.edgeoff.device.mobility.CellTracker}); emulated
         *               links follow it with {@code LinkEmulator.following(cells::path, clock)}; default none
         */
        public Builder cells(io.edgeoff.device.mobility.CellTracker cells) {
            this.cells = cells;
            return this;
        }

        /**
         * @param binding  which tasks run a handler, e.g. {@link TaskBinding#builtIn()}; default
         *                 {@link TaskBinding#SYNTHETIC} (the seed's synthetic MI tasks). With handler tasks and no
         *                 {@link #taskSupport} given, a task goes only to sites that advertise its handler
         *                 ({@link HandlerSupport} over the resource monitor's polls)
         */
        public Builder binding(TaskBinding binding) {
            this.binding = java.util.Objects.requireNonNull(binding, "binding");
            return this;
        }

        /** @param localHandlers  runs handler tasks on the device; default the class path's handlers, default limits */
        public Builder localHandlers(LocalHandlers localHandlers) {
            this.localHandlers = localHandlers;
            return this;
        }

        /**
         * @param hostMips  this host's speed, MIPS, for the device's speed emulation of local handler calls; default
         *                  (0) measured with the compute kernel when the runtime is built with handler tasks
         */
        public Builder hostMips(double hostMips) {
            if (!(hostMips >= 0) || !Double.isFinite(hostMips)) {
                throw new IllegalArgumentException("hostMips must be finite and >= 0, but was " + hostMips);
            }
            this.hostMips = hostMips;
            return this;
        }

        /**
         * @param learn  learn each handler's time against input size per site from measured executions
         *               ({@link HandlerProfile}, prior from the scenario: {@link HandlerPriors}) and plan with it
         *               (default true)
         */
        public Builder learnHandlerCosts(boolean learn) {
            this.learnHandlerCosts = learn;
            return this;
        }

        /** @param tap  sees every completed task's input and output bytes (default none) */
        public Builder dataTap(DataTap tap) {
            this.tap = java.util.Objects.requireNonNull(tap, "tap");
            return this;
        }

        /**
         * @param taskSupport  which remote sites can run which task, e.g. {@code handlers.HandlerSupport}; default
         *                     every site runs every task
         */
        public Builder taskSupport(io.edgeoff.decision.placement.TaskSupport taskSupport) {
            this.taskSupport = java.util.Objects.requireNonNull(taskSupport, "taskSupport");
            this.taskSupportSet = true;
            return this;
        }

        public Builder scenario(Scenario scenario, CostModel costModel) {
            this.scenario = scenario;
            this.costModel = costModel;
            return this;
        }

        public Builder endpoints(List<SiteEndpoint> endpoints) {
            this.endpoints = List.copyOf(endpoints);
            return this;
        }

        public Builder client(SiteClient client) {
            this.client = client;
            return this;
        }

        public Builder detector(FailureDetector detector) {
            this.detector = detector;
            return this;
        }

        public Builder monitor(ResourceMonitor monitor) {
            this.monitor = monitor;
            return this;
        }

        public Builder profiler(ApplicationProfiler profiler) {
            this.profiler = profiler;
            return this;
        }

        public Builder links(LinkEmulator links) {
            this.links = links;
            return this;
        }

        public Builder sink(OutcomeSink sink) {
            this.sink = sink;
            return this;
        }

        public Builder config(RuntimeConfig config) {
            this.config = config;
            return this;
        }

        public Builder clock(DeviceClock clock) {
            this.clock = clock;
            return this;
        }

        public DeviceRuntime build() {
            for (Object part : new Object[] {scenario, costModel, client, detector, monitor}) {
                if (part == null) {
                    throw new IllegalArgumentException(
                            "a device runtime needs a scenario, cost model, client, detector and monitor");
                }
            }
            return new DeviceRuntime(this);
        }
    }
}
