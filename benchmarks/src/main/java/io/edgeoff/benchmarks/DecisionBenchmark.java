package io.edgeoff.benchmarks;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.SiteOutlook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decision latency. {@code seedDecision}: one {@code seed-mdp-svr} decision (build the 5x5x5 MDP from
 * the cost model, policy iteration) for a compute-intensive task on the seed topology.
 * {@code mdpPlan}: one {@code mdp} plan of an application from its first offloadable task (the
 * local-only tasks before it have run on the device; every remaining stage is solved), for each seed
 * app and for a generated 20-site, 30-task DAG.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    @Param({"ANTIVIRUS", "GPS_NAVIGATOR", "CHESS", "FACEBOOK", "FACERECOGNIZER", "GENERATED_20x30"})
    public String app;

    private OffloadingPolicy seedMdpSvr;
    private OffloadingPolicy mdp;
    private DecisionRequest seedRequest;
    private DecisionRequest planRequest;

    @Setup
    public void setUp() {
        Scenario scenario = ScenarioYaml.load("seed");
        CostModel seedCosts = scenario.costModel();
        seedMdpSvr = Policies.create("seed-mdp-svr", PolicyContext.of(seedCosts, 1));
        Application chess = scenario.application("CHESS");
        seedRequest = request(AppInstance.means(chess), chess.indexOf("COMPUTE_MOVE"), seedCosts);

        CostModel costs;
        AppInstance instance;
        if (app.startsWith("GENERATED")) {
            GeneratedTopology generated = GeneratedTopology.of(20, 30, 42);
            costs = generated.costModel();
            instance = generated.app();
        } else {
            costs = seedCosts;
            instance = AppInstance.draw(scenario.application(app), new SplittableRandom(1));
        }
        mdp = Policies.create("mdp", PolicyContext.of(costs, 1));
        planRequest = firstOffloadable(instance, costs);
    }

    /** The request for the first offloadable task in topological order; the tasks before it ran on the device. */
    private static DecisionRequest firstOffloadable(AppInstance app, CostModel costs) {
        DecisionRequest blank = request(app, 0, costs);
        int[] placement = blank.placement();
        for (int task : app.application().topologicalOrder()) {
            if (app.task(task).offloadable()) {
                return new DecisionRequest(app, task, costs.deviceIndex(), placement, blank.excluded(),
                        blank.outlook(), Optional.empty());
            }
            placement[task] = costs.deviceIndex();
        }
        throw new IllegalStateException(app.application().name() + " has no offloadable task");
    }

    private static DecisionRequest request(AppInstance app, int task, CostModel costs) {
        int[] placement = new int[app.size()];
        Arrays.fill(placement, -1);
        List<SiteOutlook> outlook = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (var site : costs.sites()) {
            outlook.add(site.isRemote() ? SiteOutlook.ofAvailability(0.8 + 0.2 * random.nextDouble()) : SiteOutlook.certain());
        }
        return new DecisionRequest(app, task, costs.deviceIndex(), placement, new boolean[costs.siteCount()], outlook,
                Optional.empty());
    }

    @Benchmark
    public Decision seedDecision() {
        return seedMdpSvr.decide(seedRequest);
    }

    @Benchmark
    public Decision mdpPlan() {
        return mdp.decide(planRequest);
    }
}
