package io.edgeoff.simulator.run;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.placement.AttemptRunner;
import io.edgeoff.decision.placement.OutlookProvider;
import io.edgeoff.decision.placement.Placement;
import io.edgeoff.decision.placement.PlacementLoop;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import io.edgeoff.simulator.bound.ClairvoyantPlanner;
import io.edgeoff.simulator.engine.Simulation;
import io.edgeoff.simulator.failure.FailureProcess;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Simulates one sampling: {@code executions} application executions back to back, each drawn from the
 * workload mix. An execution runs its tasks in epochs (ready sets): an epoch is one event; it lasts as long
 * as its slowest task and its energy is the sum of its tasks'. Each task is placed by the policy from the
 * site of its designated predecessor ({@link DagPlacement}) by the one {@link PlacementLoop} the device also runs;
 * the simulator's {@link AttemptRunner} prices an attempt with the cost model, and a failed offloading attempt
 * costs {@link CostModel#failedAttemptCost(int)}. The loop then decides again without the failed site (or on the
 * device only, for policies that fall back so), under its attempt cap. Single-threaded; one instance per sampling.
 *
 * <p>With several devices (contention), every device runs its own executions from its own workload stream at
 * the same time, and each remote site runs at most {@code cores} tasks at once: a task that arrives (after
 * its uplink) when every core is busy waits, first come first served in the order tasks are placed, with the
 * device idle meanwhile. Response time and energy are then reported per device (mean over devices); counts
 * (tasks, failures, attempts, tasks per site) are totals.
 *
 * <p>For the {@code clairvoyant} bound ({@link ClairvoyantPolicy}), each execution is first planned by a
 * {@link ClairvoyantPlanner} that asks the failure process about the epochs ahead; the policy follows the plan's
 * sites and the attempt runner starts each task at the plan's start (later than its epoch when the plan waits for a
 * site to come back up, the device idle meanwhile). Single device only.
 */
public final class SamplingSimulation {

    /** Per-application data computed once and shared (immutable). */
    public record AppPlan(Application application, List<int[]> epochs, int[] designatedPredecessors) {
        public static AppPlan of(Application application) {
            return new AppPlan(application, application.epochs(), DagPlacement.designatedPredecessors(application));
        }
    }

    /** How a simulated attempt fails: its site is down at some moment of it (the failure process says so). */
    public enum Failure {
        SITE_DOWN
    }

    /** Sees every placed task (tests, the twin test); called on the simulation's thread, between events. */
    @FunctionalInterface
    public interface PlacementObserver {
        /**
         * @param device     device index (0 without contention)
         * @param execution  the device's execution number (0-based)
         * @param app        the execution's application instance
         * @param placement  the task's placement; valid only during the call
         */
        void placed(int device, int execution, AppInstance app, Placement<Failure> placement);
    }

    private final CostModel costModel;
    private final PlacementLoop loop;
    private final boolean groundTruth;
    private final SuspicionModel suspicion;
    private final PlacementObserver observer;
    private final FailureProcess failures;
    private final WorkloadMix workload;
    private final Map<String, AppPlan> plans;
    private final int executions;
    private final double batteryJoules;
    private final boolean contention;
    private final ClairvoyantPolicy clairvoyant;
    private final ClairvoyantPlanner planner;
    private ClairvoyantPlanner.Plan plan;

    private final int siteCount;
    private final int device;
    private final SiteOutlook[] outlookArray;
    private final Attempts attempts = new Attempts();
    private final Placement<Failure> placed = new Placement<>();
    private final long[] tasksPerSite;
    private final long[] failuresPerSite;
    private final double[][] coreFreeAt;
    private final Simulation simulation = new Simulation();
    private final Device[] devices;

    private int devicesDone;
    private long tasks;
    private long failureCount;
    private long attemptCount;
    private double energyJoules;
    private double responseTimeSeconds;

    /** One device's progress through its executions. */
    private static final class Device {
        final int index;
        final RandomGenerator workload;
        int executionsDone;
        AppPlan plan;
        AppInstance instance;
        int[] placement;
        double executionStart;

        Device(int index, RandomGenerator workload) {
            this.index = index;
            this.workload = workload;
        }
    }

    /**
     * @param loop            the placement loop of the sampling's policy (its cost model is the sampling's)
     * @param groundTruth     the policy needs the actual site states ({@link PolicySpec#needsGroundTruth()})
     * @param plans           application name to its plan (see {@link AppPlan#of})
     * @param workloadRandoms one workload stream per device; more than one device means contention for site cores
     */
    public SamplingSimulation(PlacementLoop loop, boolean groundTruth, FailureProcess failures, WorkloadMix workload,
                              Map<String, AppPlan> plans, List<RandomGenerator> workloadRandoms, int executions,
                              double batteryJoules) {
        this(loop, groundTruth, failures, workload, plans, workloadRandoms, executions, batteryJoules,
                SuspicionModel.none(), null);
    }

    /**
     * @param suspicion  which sites the device's detector suspects (the outlook's {@code suspected})
     * @param observer   sees every placed task, or null
     */
    public SamplingSimulation(PlacementLoop loop, boolean groundTruth, FailureProcess failures, WorkloadMix workload,
                              Map<String, AppPlan> plans, List<RandomGenerator> workloadRandoms, int executions,
                              double batteryJoules, SuspicionModel suspicion, PlacementObserver observer) {
        this.costModel = loop.costModel();
        this.loop = loop;
        this.groundTruth = groundTruth;
        this.suspicion = java.util.Objects.requireNonNull(suspicion, "suspicion");
        this.observer = observer;
        this.failures = failures;
        this.workload = workload;
        this.plans = plans;
        this.executions = executions;
        this.batteryJoules = batteryJoules;
        this.siteCount = costModel.siteCount();
        this.device = costModel.deviceIndex();
        this.outlookArray = new SiteOutlook[siteCount];
        this.tasksPerSite = new long[siteCount];
        this.failuresPerSite = new long[siteCount];
        this.devices = new Device[workloadRandoms.size()];
        for (int k = 0; k < devices.length; k++) {
            devices[k] = new Device(k, workloadRandoms.get(k));
        }
        if (devices.length == 0) {
            throw new IllegalArgumentException("at least one device is needed");
        }
        this.contention = devices.length > 1;
        this.clairvoyant = loop.policy() instanceof ClairvoyantPolicy c ? c : null;
        this.planner = clairvoyant == null ? null : new ClairvoyantPlanner(costModel);
        if (clairvoyant != null && contention) {
            throw new IllegalArgumentException("policy " + ClairvoyantPolicy.NAME + " plans without the sites' queues,"
                    + " so it runs with one device only, but there were " + devices.length);
        }
        this.coreFreeAt = new double[siteCount][];
        for (int s = 0; s < siteCount; s++) {
            coreFreeAt[s] = new double[costModel.sites().get(s).cores()];
        }
    }

    /** Runs the sampling and returns its metrics. */
    public SamplingMetrics run(int configuration, int sampling) {
        failures.start(simulation);
        for (Device d : devices) {
            simulation.schedule(0, sim -> startExecution(d));
        }
        simulation.run();
        long successes = attemptCount - failureCount;
        int n = devices.length;
        long executionsDone = 0;
        for (Device d : devices) {
            executionsDone += d.executionsDone;
        }
        return new SamplingMetrics(configuration, loop.policy().name(), sampling, (int) executionsDone, tasks,
                responseTimeSeconds / n, energyJoules / n,
                SamplingMetrics.batteryPercent(energyJoules / n, batteryJoules), failureCount, attemptCount,
                SamplingMetrics.serviceAvailability(successes, attemptCount), tasksPerSite, failuresPerSite);
    }

    /** @return events handled (diagnostics) */
    public long processedEvents() {
        return simulation.processedEvents();
    }

    private void startExecution(Device d) {
        if (d.executionsDone == executions) {
            if (++devicesDone == devices.length) {
                simulation.stop();
            }
            return;
        }
        String name = workload.draw(d.workload);
        d.plan = plans.get(name);
        d.instance = AppInstance.draw(d.plan.application(), d.workload);
        d.placement = new int[d.instance.size()];
        Arrays.fill(d.placement, -1);
        d.executionStart = simulation.nowSeconds();
        failures.beginExecution(d.executionStart);
        if (clairvoyant != null) {
            plan = planner.plan(d.plan, d.instance, d.executionStart, failures);
            clairvoyant.follow(d.instance, plan.sites());
        }
        runEpoch(d, 0);
    }

    private void runEpoch(Device d, int epoch) {
        double now = simulation.nowSeconds();
        failures.beginEpoch(now);
        for (int s = 0; s < siteCount; s++) {
            outlookArray[s] = failures.outlook(s, now);
        }
        attempts.outlook = List.of(outlookArray);
        double epochSeconds = 0;
        for (int task : d.plan.epochs().get(epoch)) {
            epochSeconds = Math.max(epochSeconds, runTask(d, task, now));
        }
        int next = epoch + 1;
        if (next < d.plan.epochs().size()) {
            simulation.schedule(epochSeconds, sim -> runEpoch(d, next));
        } else {
            simulation.schedule(epochSeconds, sim -> finishExecution(d));
        }
    }

    private void finishExecution(Device d) {
        responseTimeSeconds += simulation.nowSeconds() - d.executionStart;
        d.executionsDone++;
        startExecution(d);
    }

    /** Places and runs one task starting at {@code start}; returns its duration including failed attempts, s. */
    private double runTask(Device d, int task, double start) {
        int predecessor = d.plan.designatedPredecessors()[task];
        int from = predecessor < 0 ? device : d.placement[predecessor];
        attempts.task = d.instance.task(task);
        attempts.taskIndex = task;
        attempts.from = from;
        attempts.start = start;
        loop.place(d.instance, task, from, d.placement, attempts, attempts, placed);
        if (observer != null) {
            observer.placed(d.index, d.executionsDone, d.instance, placed);
        }
        int site = placed.finalSite();
        d.placement[task] = site;
        tasksPerSite[site]++;
        tasks++;
        return placed.totalSeconds();
    }

    /**
     * The simulator's side of the placement loop, reused for every task: outlooks of the current epoch, and
     * attempts costed by the cost model that fail when the failure process says the site is down. Energy and
     * counts go straight into the sampling's totals, attempt by attempt.
     */
    private final class Attempts implements OutlookProvider, AttemptRunner<Failure> {
        List<SiteOutlook> outlook;
        TaskInstance task;
        int taskIndex;
        int from;
        double start;

        @Override
        public List<SiteOutlook> outlook(double elapsedSeconds) {
            if (!suspicion.active()) {
                return outlook;
            }
            double now = start + elapsedSeconds;
            SiteOutlook[] coloured = null;
            for (int s = 0; s < siteCount; s++) {
                SiteOutlook o = outlook.get(s);
                if (s != device && suspicion.suspected(s, now) != o.suspected()) {
                    if (coloured == null) {
                        coloured = outlook.toArray(SiteOutlook[]::new);
                    }
                    coloured[s] = o.withSuspicion(!o.suspected());
                }
            }
            return coloured == null ? outlook : List.of(coloured);
        }

        @Override
        public Optional<boolean[]> actualUp(double elapsedSeconds) {
            return groundTruth ? Optional.of(failures.actualUp(start + elapsedSeconds)) : Optional.empty();
        }

        @Override
        public void run(int site, double elapsedSeconds, Placement<Failure> out) {
            TaskCost cost = costModel.cost(task, from, site);
            double waitSeconds = 0;
            double attemptStart = start + elapsedSeconds;
            double plannedWaitSeconds = 0;
            if (plan != null && elapsedSeconds == 0 && site == plan.site(taskIndex)) {
                attemptStart = plan.startSeconds(taskIndex);
                plannedWaitSeconds = attemptStart - start;
            }
            if (site != device) {
                attemptCount++;
                if (failures.attemptFails(site, attemptStart, cost.timeSeconds())) {
                    failureCount++;
                    failuresPerSite[site]++;
                    double detection = suspicion.detectionSeconds(site, attemptStart);
                    TaskCost failed = Double.isNaN(detection) ? costModel.failedAttemptCost(from)
                            : costModel.failedAttemptCost(from, detection);
                    suspicion.attemptFailed(site, attemptStart + failed.timeSeconds());
                    double failedEnergy = failed.energyJoules() + plannedWaitSeconds * costModel.power().idleWatts();
                    energyJoules += failedEnergy;
                    out.failed(Failure.SITE_DOWN, plannedWaitSeconds + failed.timeSeconds(), failedEnergy);
                    return;
                }
                if (contention) {
                    waitSeconds = reserveCore(site, start + elapsedSeconds + cost.uplinkSeconds(),
                            cost.executionSeconds());
                }
                suspicion.attemptSucceeded(site, attemptStart + cost.timeSeconds() + waitSeconds);
            }
            double energy = cost.energyJoules() + (plannedWaitSeconds + waitSeconds) * costModel.power().idleWatts();
            energyJoules += energy;
            out.succeeded(plannedWaitSeconds + cost.timeSeconds() + waitSeconds, energy);
        }
    }

    /** Takes the earliest free core of {@code site} for a task arriving at {@code arrival}; returns its wait, s. */
    private double reserveCore(int site, double arrival, double executionSeconds) {
        double[] cores = coreFreeAt[site];
        int best = 0;
        for (int c = 1; c < cores.length; c++) {
            if (cores[c] < cores[best]) {
                best = c;
            }
        }
        double begin = Math.max(arrival, cores[best]);
        cores[best] = begin + executionSeconds;
        return begin - arrival;
    }
}
