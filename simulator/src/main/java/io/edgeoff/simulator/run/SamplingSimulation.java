package io.edgeoff.simulator.run;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.app.TaskInstance;
import io.edgeoff.common.app.WorkloadMix;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.TaskCost;
import io.edgeoff.decision.DagPlacement;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.SiteOutlook;
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
 * site of its designated predecessor ({@link DagPlacement}); a failed offloading attempt costs
 * {@link CostModel#failedAttemptCost(int)} and the task is decided again without the failed site (or on the
 * device only, for policies that fall back so). Single-threaded; one instance per sampling.
 *
 * <p>With several devices (contention), every device runs its own executions from its own workload stream at
 * the same time, and each remote site runs at most {@code cores} tasks at once: a task that arrives (after
 * its uplink) when every core is busy waits, first come first served in the order tasks are placed, with the
 * device idle meanwhile. Response time and energy are then reported per device (mean over devices); counts
 * (tasks, failures, attempts, tasks per site) are totals.
 */
public final class SamplingSimulation {

    /** Per-application data computed once and shared (immutable). */
    public record AppPlan(Application application, List<int[]> epochs, int[] designatedPredecessors) {
        public static AppPlan of(Application application) {
            return new AppPlan(application, application.epochs(), DagPlacement.designatedPredecessors(application));
        }
    }

    private final CostModel costModel;
    private final OffloadingPolicy policy;
    private final boolean deviceOnlyAfterFailure;
    private final FailureProcess failures;
    private final WorkloadMix workload;
    private final Map<String, AppPlan> plans;
    private final int executions;
    private final double batteryJoules;
    private final boolean contention;

    private final int siteCount;
    private final int device;
    private final boolean[] excluded;
    private final SiteOutlook[] outlookArray;
    private final long[] tasksPerSite;
    private final long[] failuresPerSite;
    private final double[][] coreFreeAt;
    private final Simulation simulation = new Simulation();
    private final Device[] devices;

    private int devicesDone;
    private long tasks;
    private long failureCount;
    private long attempts;
    private double energyJoules;
    private double responseTimeSeconds;

    /** One device's progress through its executions. */
    private static final class Device {
        final RandomGenerator workload;
        int executionsDone;
        AppPlan plan;
        AppInstance instance;
        int[] placement;
        double executionStart;

        Device(RandomGenerator workload) {
            this.workload = workload;
        }
    }

    /**
     * One device, no contention.
     *
     * @param plans           application name to its plan (see {@link AppPlan#of})
     * @param workloadRandom  stream for drawing applications and task sizes
     */
    public SamplingSimulation(CostModel costModel, OffloadingPolicy policy, FailureResponse onFailure,
                              FailureProcess failures, WorkloadMix workload, Map<String, AppPlan> plans,
                              RandomGenerator workloadRandom, int executions, double batteryJoules) {
        this(costModel, policy, onFailure, failures, workload, plans, List.of(workloadRandom), executions,
                batteryJoules);
    }

    /**
     * @param workloadRandoms one workload stream per device; more than one device means contention for site cores
     */
    public SamplingSimulation(CostModel costModel, OffloadingPolicy policy, FailureResponse onFailure,
                              FailureProcess failures, WorkloadMix workload, Map<String, AppPlan> plans,
                              List<RandomGenerator> workloadRandoms, int executions, double batteryJoules) {
        this.costModel = costModel;
        this.policy = policy;
        this.deviceOnlyAfterFailure = onFailure == FailureResponse.DEVICE_ONLY;
        this.failures = failures;
        this.workload = workload;
        this.plans = plans;
        this.executions = executions;
        this.batteryJoules = batteryJoules;
        this.siteCount = costModel.siteCount();
        this.device = costModel.deviceIndex();
        this.excluded = new boolean[siteCount];
        this.outlookArray = new SiteOutlook[siteCount];
        this.tasksPerSite = new long[siteCount];
        this.failuresPerSite = new long[siteCount];
        this.devices = workloadRandoms.stream().map(Device::new).toArray(Device[]::new);
        if (devices.length == 0) {
            throw new IllegalArgumentException("at least one device is needed");
        }
        this.contention = devices.length > 1;
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
        long successes = attempts - failureCount;
        int n = devices.length;
        long executionsDone = 0;
        for (Device d : devices) {
            executionsDone += d.executionsDone;
        }
        return new SamplingMetrics(configuration, policy.name(), sampling, (int) executionsDone, tasks,
                responseTimeSeconds / n, energyJoules / n,
                SamplingMetrics.batteryPercent(energyJoules / n, batteryJoules), failureCount, attempts,
                SamplingMetrics.serviceAvailability(successes, attempts), tasksPerSite, failuresPerSite);
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
        runEpoch(d, 0);
    }

    private void runEpoch(Device d, int epoch) {
        double now = simulation.nowSeconds();
        failures.beginEpoch(now);
        for (int s = 0; s < siteCount; s++) {
            outlookArray[s] = failures.outlook(s, now);
        }
        List<SiteOutlook> outlook = List.of(outlookArray);
        double epochSeconds = 0;
        for (int task : d.plan.epochs().get(epoch)) {
            epochSeconds = Math.max(epochSeconds, runTask(d, task, now, outlook));
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
    private double runTask(Device d, int task, double start, List<SiteOutlook> outlook) {
        TaskInstance taskInstance = d.instance.task(task);
        int predecessor = d.plan.designatedPredecessors()[task];
        int from = predecessor < 0 ? device : d.placement[predecessor];
        Arrays.fill(excluded, false);
        double elapsed = 0;
        while (true) {
            DecisionRequest request = new DecisionRequest(d.instance, task, from, d.placement, excluded, outlook,
                    Optional.of(failures.actualUp(start + elapsed)));
            Decision decision = policy.decide(request);
            int site = checked(decision.siteIndex(), taskInstance);
            TaskCost cost = costModel.cost(taskInstance, from, site);
            double waitSeconds = 0;
            if (site != device) {
                attempts++;
                if (failures.attemptFails(site, start + elapsed, cost.timeSeconds())) {
                    failureCount++;
                    failuresPerSite[site]++;
                    TaskCost failed = costModel.failedAttemptCost(from);
                    elapsed += failed.timeSeconds();
                    energyJoules += failed.energyJoules();
                    excludeAfterFailure(site);
                    continue;
                }
                if (contention) {
                    waitSeconds = reserveCore(site, start + elapsed + cost.uplinkSeconds(), cost.executionSeconds());
                }
            }
            elapsed += cost.timeSeconds() + waitSeconds;
            energyJoules += cost.energyJoules() + waitSeconds * costModel.power().idleWatts();
            d.placement[task] = site;
            tasksPerSite[site]++;
            tasks++;
            return elapsed;
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

    private void excludeAfterFailure(int site) {
        excluded[site] = true;
        if (deviceOnlyAfterFailure) {
            for (int s = 0; s < siteCount; s++) {
                if (s != device) {
                    excluded[s] = true;
                }
            }
        }
    }

    private int checked(int site, TaskInstance task) {
        if (site < 0 || site >= siteCount) {
            throw new IllegalStateException("policy " + policy.name() + " chose site " + site + ", but there are "
                    + siteCount + " sites");
        }
        if (excluded[site]) {
            throw new IllegalStateException("policy " + policy.name() + " chose excluded site "
                    + costModel.sites().get(site).id() + " for task " + task.name());
        }
        if (site != device && !task.offloadable()) {
            throw new IllegalStateException("policy " + policy.name() + " offloaded task " + task.name()
                    + ", which must run on the device");
        }
        return site;
    }
}
