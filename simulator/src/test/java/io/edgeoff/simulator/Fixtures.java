package io.edgeoff.simulator;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SuspicionResponse;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.simulator.run.ExperimentRunner;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.availability.NodeHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small in-test policies and availability histories. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Scenario seedScenario() {
        return ScenarioYaml.load("seed");
    }

    /** A history whose day {@code d} has one outage at the start of the day lasting {@code (1 - a[d])} of it. */
    public static NodeHistory history(TraceNode node, double... daily) {
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        for (int d = 0; d < daily.length; d++) {
            if (daily[d] < 1) {
                double start = d * NodeHistory.DAY_SECONDS;
                double end = start + (1 - daily[d]) * NodeHistory.DAY_SECONDS;
                if (!ends.isEmpty() && ends.get(ends.size() - 1) >= start) {
                    ends.set(ends.size() - 1, end);
                } else {
                    starts.add(start);
                    ends.add(end);
                }
            }
        }
        return new NodeHistory(node, daily.clone(), starts.stream().mapToDouble(Double::doubleValue).toArray(),
                ends.stream().mapToDouble(Double::doubleValue).toArray(), java.time.Instant.EPOCH);
    }

    /**
     * Every node of every configuration gets the same daily series; predictor {@code svr} (and {@code actual})
     * forecasts the actual series, {@code last} and {@code markov} the previous day's.
     */
    public static AvailabilitySource uniform(double... daily) {
        return byNode(node -> history(node, daily));
    }

    public static AvailabilitySource byNode(Function<TraceNode, NodeHistory> histories) {
        Map<TraceNode, NodeHistory> cache = new HashMap<>();
        return new AvailabilitySource() {
            @Override
            public synchronized NodeHistory history(TraceNode node) {
                return cache.computeIfAbsent(node, histories);
            }

            @Override
            public double[] forecast(TraceNode node, String predictor) {
                double[] actual = history(node).dailyAvailability();
                return switch (predictor) {
                    case "svr", "actual" -> actual.clone();
                    case "last", "markov" -> {
                        double[] last = new double[actual.length];
                        last[0] = 1.0;
                        System.arraycopy(actual, 0, last, 1, actual.length - 1);
                        yield last;
                    }
                    default -> throw new IllegalArgumentException("unknown predictor " + predictor);
                };
            }

            @Override
            public String description() {
                return "in-test histories";
            }
        };
    }

    /** A random daily series: mostly 1, sometimes partly or fully down, with multi-day outages. */
    public static double[] randomSeries(long seed, int days) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] a = new double[days];
        Arrays.fill(a, 1.0);
        for (int d = 0; d < days; d++) {
            double u = random.nextDouble();
            if (u < 0.05) {
                int length = 1 + random.nextInt(3);
                for (int k = 0; k < length && d + k < days; k++) {
                    a[d + k] = 0.0;
                }
            } else if (u < 0.2) {
                a[d] = random.nextDouble();
            }
        }
        return a;
    }

    /** Always the device. */
    public static OffloadingPolicy local() {
        return policy("local", Fixtures::deviceOf);
    }

    /** Offloadable tasks to the first remote site not excluded (scenario order); the device otherwise. */
    public static OffloadingPolicy firstRemote() {
        return policy("first-remote", r -> {
            if (r.app().task(r.taskIndex()).offloadable()) {
                for (int s = 0; s < r.excluded().length; s++) {
                    if (s != deviceOf(r) && !r.excluded()[s]) {
                        return s;
                    }
                }
            }
            return deviceOf(r);
        });
    }

    /** Offloadable tasks to the first remote site that is really up; the device otherwise. */
    public static OffloadingPolicy upOnly() {
        return policy("up-only", r -> {
            boolean[] up = r.actualUp().orElseThrow();
            if (r.app().task(r.taskIndex()).offloadable()) {
                for (int s = 0; s < r.excluded().length; s++) {
                    if (s != deviceOf(r) && !r.excluded()[s] && up[s]) {
                        return s;
                    }
                }
            }
            return deviceOf(r);
        });
    }

    /** In the seed scenario the device is site 0. */
    static int deviceOf(DecisionRequest r) {
        return 0;
    }

    static OffloadingPolicy policy(String name, java.util.function.ToIntFunction<DecisionRequest> rule) {
        return new OffloadingPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Decision decide(DecisionRequest request) {
                return new Decision(rule.applyAsInt(request), Double.NaN, Double.NaN);
            }
        };
    }

    /**
     * A registry of {@link #local()}, {@link #firstRemote()} (excludes the failed site), {@code first-remote-efpo}
     * (falls back to the device) and {@link #upOnly()} (needs the ground truth).
     */
    public static PolicyRegistry provider() {
        return PolicyRegistry.of(List.of(
                spec("local", FailureResponse.EXCLUDE_SITE_AND_REDECIDE, false, ctx -> local()),
                spec("first-remote", FailureResponse.EXCLUDE_SITE_AND_REDECIDE, false, ctx -> firstRemote()),
                spec("first-remote-efpo", FailureResponse.DEVICE_ONLY, false, ctx -> {
                    OffloadingPolicy first = firstRemote();
                    return policy("first-remote-efpo", r -> first.decide(r).siteIndex());
                }),
                spec("up-only", FailureResponse.EXCLUDE_SITE_AND_REDECIDE, true, ctx -> upOnly())));
    }

    /** An experiment runner of {@link #provider()}'s policies on {@code availability}, default placement rules. */
    public static ExperimentRunner runner(AvailabilitySource availability) {
        return new ExperimentRunner(provider(), availability, PlacementRules.ofDefaults());
    }

    private static PolicySpec spec(String name, FailureResponse onFailure, boolean groundTruth,
                                   Function<PolicyContext, OffloadingPolicy> factory) {
        return new PolicySpec(name, "test policy " + name, onFailure, SuspicionResponse.IGNORE, groundTruth, factory);
    }
}
