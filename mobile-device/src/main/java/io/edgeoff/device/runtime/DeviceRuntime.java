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
import io.edgeoff.device.monitor.AvailabilityBelief;
import io.edgeoff.device.monitor.BeliefConfig;
import io.edgeoff.device.monitor.EstimatorConfig;
import io.edgeoff.device.monitor.NetworkEstimator;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.profiler.ApplicationProfiler;
import io.edgeoff.device.workload.MixedWorkload;
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
 * Thread-safe for one execution at a time.
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
        this.taskSupport = b.taskSupport;
        this.clock = b.clock;
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
        ExecutorCompletionService<TaskOutcome> done = new ExecutorCompletionService<>(workers);
        int pending = 0;
        for (int i = 0; i < n; i++) {
            missing[i] = predecessors[i].length;
            if (missing[i] == 0) {
                submit(done, ex, i, placement);
                pending++;
            }
        }
        while (pending > 0) {
            TaskOutcome outcome = take(done);
            pending--;
            int i = outcome.taskIndex();
            if (outcomes[i] != null) {
                throw new IllegalStateException("task " + outcome.taskName() + " finished twice");
            }
            outcomes[i] = outcome;
            placement[i] = outcome.completed() ? outcome.siteIndex() : device;
            sink.task(outcome);
            for (int s : successors[i]) {
                if (--missing[s] == 0) {
                    submit(done, ex, s, placement);
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

    private void submit(ExecutorCompletionService<TaskOutcome> done, Execution ex, int task, int[] placement) {
        int[] snapshot = placement.clone();
        done.submit(() -> {
            try {
                return runTask(ex, task, snapshot);
            } catch (RuntimeException e) {
                TaskInstance t = ex.actual.task(task);
                return new TaskOutcome(ex.runId, ex.policy.name(), ex.execution, ex.actual.application().name(),
                        task, t.name(), -1, "", false, List.of(), 0, 0, PlacementReason.POLICY_CHOICE);
            }
        });
    }

    private static TaskOutcome take(ExecutorCompletionService<TaskOutcome> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running an execution", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("task runner failed", e.getCause());
        }
    }

    private TaskOutcome runTask(Execution ex, int task, int[] placement) {
        long start = clock.nanoTime();
        TaskInstance t = ex.actual.task(task);
        int from = previousSite(ex.actual, task, placement);
        byte[] input = MixedWorkload.inputBytes(ex.inputSeed, ex.execution, task, t.inKB());
        TaskAttempts attempts = new TaskAttempts(ex, task, from, input);
        Placement<FailureKind> placed = ex.loop.place(ex.planned, task, from, placement, attempts, attempts,
                new Placement<>());
        int site = placed.finalSite();
        return new TaskOutcome(ex.runId, ex.policy.name(), ex.execution, ex.actual.application().name(), task,
                t.name(), site, costModel.sites().get(site).id(), true, attempts.done, clock.secondsSince(start),
                placed.totalEnergyJoules(), placed.reason());
    }

    /** @return what run {@code runId} has learned, or null when the device does not learn */
    private AvailabilityBelief belief(String runId) {
        return beliefs == null ? null
                : beliefs.computeIfAbsent(runId, id -> new AvailabilityBelief(BeliefConfig.ofDefaults(), clock));
    }

    /** @return the measured planning inputs now, or {@link PlanningInputs#none()} when not measuring */
    public PlanningInputs planningInputs() {
        return estimator == null ? PlanningInputs.none() : estimator.inputs();
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
     * The device's side of the placement loop for one task: offloads over HTTP or runs the local kernel, measures,
     * tells the detector about a failure, and keeps the attempts (with their details) for the task's outcome.
     */
    private final class TaskAttempts implements AttemptRunner<FailureKind>, io.edgeoff.decision.placement.OutlookProvider {
        final Execution ex;
        final int task;
        final int from;
        final byte[] input;
        final List<Attempt> done = new ArrayList<>();
        /** The inputs of the decision whose attempt runs next (none when the loop chose the device itself). */
        PlanningInputs decidedWith = PlanningInputs.none();

        TaskAttempts(Execution ex, int task, int from, byte[] input) {
            this.ex = ex;
            this.task = task;
            this.from = from;
            this.input = input;
        }

        @Override
        public List<SiteOutlook> outlook(double elapsedSeconds) {
            return DeviceRuntime.this.outlook(ex.runId,
                    io.edgeoff.device.monitor.PolicyForecasts.predictorFor(ex.policy.name()));
        }

        @Override
        public PlanningInputs inputs(double elapsedSeconds) {
            decidedWith = planningInputs();
            return decidedWith;
        }

        @Override
        public void run(int site, double elapsedSeconds, Placement<FailureKind> out) {
            Attempt attempt = site == device ? runLocally(ex, task, from, input) : offload(ex, task, from, site, input);
            attempt = attempt.plannedWith(decidedWith);
            decidedWith = PlanningInputs.none();
            done.add(attempt);
            AvailabilityBelief belief = belief(ex.runId);
            if (site != device && belief != null) {
                // an attempt abandoned on suspicion is counted by the suspicion itself
                if (attempt.succeeded()) {
                    belief.succeeded(attempt.siteId());
                } else if (attempt.failure() != FailureKind.SUSPECTED) {
                    belief.failed(attempt.siteId());
                }
            }
            if (attempt.succeeded()) {
                out.succeeded(attempt.seconds(), attempt.energyJoules());
            } else {
                detector.taskFailed(attempt.siteId(), attempt.failure());
                out.failed(attempt.failure(), attempt.seconds(), attempt.energyJoules());
            }
        }
    }

    private Attempt offload(Execution ex, int task, int from, int site, byte[] input) {
        TaskInstance t = ex.actual.task(task);
        SiteEndpoint endpoint = endpoints[site];
        double mips = costModel.sites().get(site).mips();
        long start = clock.nanoTime();
        double up = links.uplinkSeconds(t, from, site);
        links.transmit(up);
        long sent = clock.nanoTime();
        String kind = ex.actual.application().tasks().get(task).kind().name();
        TaskRequest request = new TaskRequest(ex.runId + "/" + ex.execution + "/" + task, t.name(), kind,
                t.millionInstructions(), t.outKB(), input);
        double expectedSiteSeconds = ex.planned.task(task).millionInstructions() / mips;
        OffloadResult result = await(endpoint, request, detector.config().deadlineFor(expectedSiteSeconds));
        double wait = clock.secondsSince(sent);
        if (result instanceof OffloadResult.Failed failed) {
            double energy = costModel.energyJoules(from, site, up, wait, 0);
            return new Attempt(site, endpoint.siteId(), failed.kind(), failed.detail(), clock.secondsSince(start),
                    energy);
        }
        TaskReply reply = ((OffloadResult.Completed) result).reply();
        if (config.verifyOutputs() && !LocalKernel.isGenuine(kind, t.millionInstructions(), input, reply.output())) {
            double energy = costModel.energyJoules(from, site, up, wait, 0);
            return new Attempt(site, endpoint.siteId(), FailureKind.SERVER_ERROR,
                    "output does not match the compute kernel", clock.secondsSince(start), energy);
        }
        detector.alive(endpoint.siteId());
        double down = links.downlinkSeconds(t, from, site);
        links.transmit(down);
        double executionSeconds = reply.executionMillis() / 1000.0;
        profiler.observe(ex.actual.application(), task, executionSeconds, mips, reply.output().length / 1024.0);
        double network = Math.max(0, wait - executionSeconds - reply.queueWaitMillis() / 1000.0);
        monitor.recordTransfer(endpoint.siteId(), t.inKB() + reply.output().length / 1024.0, network);
        if (estimator != null) {
            estimator.taskReply(endpoint.siteId(), reply.queueWaitMillis(), reply.executionMillis());
            measureTransfer(endpoint.siteId(), from, t.inKB(), reply.output().length / 1024.0,
                    (sent - start) / 1e9, network);
        }
        return new Attempt(site, endpoint.siteId(), null, "", clock.secondsSince(start),
                costModel.energyJoules(from, site, up, wait, down));
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

    private OffloadResult await(SiteEndpoint endpoint, TaskRequest request, java.time.Duration deadline) {
        CompletableFuture<OffloadResult> future = client.submit(endpoint, request, deadline);
        Set<CompletableFuture<OffloadResult>> flying = inFlight.get(endpoint.siteId());
        flying.add(future);
        try {
            return future.get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
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

    private Attempt runLocally(Execution ex, int task, int from, byte[] input) {
        TaskInstance t = ex.actual.task(task);
        long start = clock.nanoTime();
        double fetch = from == device ? 0 : links.uplinkSeconds(t, from, device);
        links.transmit(fetch);
        long computeStart = clock.nanoTime();
        double mips = costModel.sites().get(device).mips();
        String kind = ex.actual.application().tasks().get(task).kind().name();
        byte[] output = kernel.execute(kind, input, t.millionInstructions(), t.outKB(), mips);
        double exec = clock.secondsSince(computeStart);
        profiler.observe(ex.actual.application(), task, exec, mips, output.length / 1024.0);
        double energy = costModel.energyJoules(from, device, fetch, exec, 0);
        return new Attempt(device, costModel.sites().get(device).id(), null, "", clock.secondsSince(start), energy);
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

        /**
         * @param taskSupport  which remote sites can run which task, e.g. {@code handlers.HandlerSupport}; default
         *                     every site runs every task
         */
        public Builder taskSupport(io.edgeoff.decision.placement.TaskSupport taskSupport) {
            this.taskSupport = java.util.Objects.requireNonNull(taskSupport, "taskSupport");
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
