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
    private final RandomGenerator workloadRandom;
    private final int executions;
    private final double batteryJoules;

    private final int siteCount;
    private final int device;
    private final boolean[] excluded;
    private final SiteOutlook[] outlookArray;
    private final long[] tasksPerSite;
    private final long[] failuresPerSite;
    private final Simulation simulation = new Simulation();

    private int executionsDone;
    private long tasks;
    private long failureCount;
    private long attempts;
    private double energyJoules;
    private double responseTimeSeconds;

    private AppPlan plan;
    private AppInstance instance;
    private int[] placement;
    private double executionStart;

    /**
     * @param plans           application name to its plan (see {@link AppPlan#of})
     * @param workloadRandom  stream for drawing applications and task sizes
     */
    public SamplingSimulation(CostModel costModel, OffloadingPolicy policy, FailureResponse onFailure,
                              FailureProcess failures, WorkloadMix workload, Map<String, AppPlan> plans,
                              RandomGenerator workloadRandom, int executions, double batteryJoules) {
        this.costModel = costModel;
        this.policy = policy;
        this.deviceOnlyAfterFailure = onFailure == FailureResponse.DEVICE_ONLY;
        this.failures = failures;
        this.workload = workload;
        this.plans = plans;
        this.workloadRandom = workloadRandom;
        this.executions = executions;
        this.batteryJoules = batteryJoules;
        this.siteCount = costModel.siteCount();
        this.device = costModel.deviceIndex();
        this.excluded = new boolean[siteCount];
        this.outlookArray = new SiteOutlook[siteCount];
        this.tasksPerSite = new long[siteCount];
        this.failuresPerSite = new long[siteCount];
    }

    /** Runs the sampling and returns its metrics. */
    public SamplingMetrics run(int configuration, int sampling) {
        failures.start(simulation);
        simulation.schedule(0, sim -> startExecution());
        simulation.run();
        long successes = attempts - failureCount;
        return new SamplingMetrics(configuration, policy.name(), sampling, executionsDone, tasks, responseTimeSeconds,
                energyJoules, SamplingMetrics.batteryPercent(energyJoules, batteryJoules), failureCount, attempts,
                SamplingMetrics.serviceAvailability(successes, attempts), tasksPerSite, failuresPerSite);
    }

    /** @return events handled (diagnostics) */
    public long processedEvents() {
        return simulation.processedEvents();
    }

    private void startExecution() {
        if (executionsDone == executions) {
            simulation.stop();
            return;
        }
        String name = workload.draw(workloadRandom);
        plan = plans.get(name);
        instance = AppInstance.draw(plan.application(), workloadRandom);
        placement = new int[instance.size()];
        Arrays.fill(placement, -1);
        executionStart = simulation.nowSeconds();
        runEpoch(0);
    }

    private void runEpoch(int epoch) {
        double now = simulation.nowSeconds();
        failures.beginEpoch(now);
        for (int s = 0; s < siteCount; s++) {
            outlookArray[s] = failures.outlook(s, now);
        }
        List<SiteOutlook> outlook = List.of(outlookArray);
        double epochSeconds = 0;
        for (int task : plan.epochs().get(epoch)) {
            epochSeconds = Math.max(epochSeconds, runTask(task, now, outlook));
        }
        int next = epoch + 1;
        if (next < plan.epochs().size()) {
            simulation.schedule(epochSeconds, sim -> runEpoch(next));
        } else {
            simulation.schedule(epochSeconds, sim -> finishExecution());
        }
    }

    private void finishExecution() {
        responseTimeSeconds += simulation.nowSeconds() - executionStart;
        executionsDone++;
        startExecution();
    }

    /** Places and runs one task starting at {@code start}; returns its duration including failed attempts, s. */
    private double runTask(int task, double start, List<SiteOutlook> outlook) {
        TaskInstance taskInstance = instance.task(task);
        int predecessor = plan.designatedPredecessors()[task];
        int from = predecessor < 0 ? device : placement[predecessor];
        Arrays.fill(excluded, false);
        double elapsed = 0;
        while (true) {
            DecisionRequest request = new DecisionRequest(instance, task, from, placement, excluded, outlook,
                    Optional.of(failures.actualUp(start + elapsed)));
            Decision decision = policy.decide(request);
            int site = checked(decision.siteIndex(), taskInstance);
            TaskCost cost = costModel.cost(taskInstance, from, site);
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
            }
            elapsed += cost.timeSeconds();
            energyJoules += cost.energyJoules();
            placement[task] = site;
            tasksPerSite[site]++;
            tasks++;
            return elapsed;
        }
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
