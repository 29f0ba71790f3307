package io.edgeoff.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.common.app.Application;
import io.edgeoff.common.scenario.ExperimentConfig;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.policy.ClairvoyantPolicy;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.availability.AvailabilitySource;
import io.edgeoff.simulator.availability.TraceSources;
import io.edgeoff.simulator.failure.FailureMode;
import io.edgeoff.simulator.metrics.SamplingMetrics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clairvoyant bound is at or below every registered policy, on every configuration of the seed scenario, on
 * both traces and in both failure modes, execution by execution: in {@code seed} mode each execution's response
 * time (every policy sees the same application and the same failure draws in the same epochs), in {@code time}
 * mode the moment each execution ends (the executions run back to back, so where an execution starts depends on
 * the policy; the bound ends each one no later, so its total is lower too).
 */
class ClairvoyantBoundTest {
    private static final int SAMPLINGS = 4;
    private static final int EXECUTIONS = 40;
    private static final long SEED = 18;
    /** One source per trace, shared by both modes: its forecasts are trained once (most of the test's time). */
    private static final Map<String, AvailabilitySource> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per source and configuration, its setup (links drawn, traces and forecasts built), shared the same way. */
    private static final Map<String, ConfigurationSetup> SETUPS = new java.util.concurrent.ConcurrentHashMap<>();

    static Stream<Arguments> tracesAndModes() {
        return Stream.of(Arguments.of("synthetic", FailureMode.SEED), Arguments.of("synthetic", FailureMode.TIME),
                Arguments.of("LANL", FailureMode.SEED), Arguments.of("LANL", FailureMode.TIME));
    }

    /** Per execution of one sampling, its response time, s, and the sampling's metrics. */
    private record Run(double[] executionSeconds, SamplingMetrics metrics) {
    }

    @ParameterizedTest(name = "{0} trace, {1} mode")
    @MethodSource("tracesAndModes")
    void noPolicyIsFasterThanTheClairvoyantBoundOnAnyExecution(String trace, FailureMode mode) {
        Optional<Path> file = trace.equals("LANL") ? LanlSeedProtocolTest.lanl() : Optional.empty();
        assumeTrue(trace.equals("synthetic") || file.isPresent(),
                "LANL trace not found (shared/data/lanl/LA-UR-05-7318-failure-data-1996-2005.csv above the working "
                        + "directory, or EDGEOFF_LANL_TRACE)");
        AvailabilitySource source = SOURCES.computeIfAbsent(trace, name -> TraceSources.open(file));

        assertBoundHolds(new ExperimentRunner(source), trace, mode, SAMPLINGS);
    }

    @ParameterizedTest(name = "{0} mode")
    @org.junit.jupiter.params.provider.EnumSource(FailureMode.class)
    void theBoundHoldsWhenTheSimulatorModelsTheDevicesFailureDetector(FailureMode mode) {
        AvailabilitySource source = SOURCES.computeIfAbsent("synthetic", name -> TraceSources.open(Optional.empty()));
        ExperimentRunner runner = new ExperimentRunner(Policies.registry(), source,
                io.edgeoff.decision.placement.PlacementRules.ofDefaults(),
                Optional.of(io.edgeoff.common.detection.DetectorConfig.ofDefaults()));

        assertBoundHolds(runner, "synthetic", mode, 2);
    }

    /**
     * The predictor of the outlook's predicted availability (what {@code seed-mdp-svr} reads): SVR on LANL as in the
     * seed's protocol; on the synthetic trace, whose long series make SVR training most of this test's time, the
     * previous day's availability ({@code last}). What a policy believes does not change what a bound must satisfy.
     */
    private static String predictor(String trace) {
        return trace.equals("LANL") ? ExperimentSpec.DEFAULT_PREDICTOR : "last";
    }

    /** Runs every registered policy on every configuration and compares each with the bound. */
    private static void assertBoundHolds(ExperimentRunner runner, String trace, FailureMode mode, int samplings) {
        AvailabilitySource source = SOURCES.get(trace);
        Scenario scenario = Fixtures.seedScenario();
        List<Integer> configurations = scenario.configurations().stream().map(ExperimentConfig::id).toList();
        ExperimentSpec spec = ExperimentSpec.of(scenario, configurations, Policies.names(), samplings, EXECUTIONS, SEED)
                .toBuilder().failureMode(mode).predictor(predictor(trace)).build();
        Map<String, SamplingSimulation.AppPlan> plans = new LinkedHashMap<>();
        for (Application app : scenario.applications()) {
            plans.put(app.name(), SamplingSimulation.AppPlan.of(app));
        }
        long policyFailures = 0;
        double boundTotal = 0;
        double myopicTotal = 0;

        for (int id : configurations) {
            ConfigurationSetup setup = SETUPS.computeIfAbsent(trace + "/" + id,
                    key -> ConfigurationSetup.create(scenario, id, SEED, source, spec.predictor(),
                            spec.downPredictor()));
            for (int sampling = 0; sampling < samplings; sampling++) {
                Run bound = run(runner, spec, setup, plans, ClairvoyantPolicy.NAME, sampling);
                assertThat(bound.metrics().failures()).as("the bound never fails an attempt").isZero();
                boundTotal += bound.metrics().responseTimeSeconds();
                for (String policy : Policies.names()) {
                    Run other = run(runner, spec, setup, plans, policy, sampling);
                    policyFailures += other.metrics().failures();
                    if (policy.equals("myopic-oracle")) {
                        myopicTotal += other.metrics().responseTimeSeconds();
                    }
                    String where = policy + ", configuration " + id + ", sampling " + sampling;
                    assertAtOrBelow(bound, other, mode, where);
                }
            }
        }

        assertThat(policyFailures).as("the policies meet failures, so the bound has something to foresee")
                .isPositive();
        assertThat(boundTotal).as("the bound plans the DAG, the myopic oracle one task at a time")
                .isLessThan(myopicTotal);
    }

    private static void assertAtOrBelow(Run bound, Run other, FailureMode mode, String where) {
        double boundEnd = 0;
        double otherEnd = 0;
        for (int k = 0; k < EXECUTIONS; k++) {
            boundEnd += bound.executionSeconds()[k];
            otherEnd += other.executionSeconds()[k];
            if (mode == FailureMode.SEED) {
                assertThat(bound.executionSeconds()[k]).as("%s, execution %d", where, k)
                        .isLessThanOrEqualTo(other.executionSeconds()[k] + epsilon(other.executionSeconds()[k]));
            }
            assertThat(boundEnd).as("%s, end of execution %d", where, k)
                    .isLessThanOrEqualTo(otherEnd + epsilon(otherEnd));
        }
        assertThat(bound.metrics().responseTimeSeconds()).as(where)
                .isLessThanOrEqualTo(other.metrics().responseTimeSeconds()
                        + epsilon(other.metrics().responseTimeSeconds()));
    }

    private static double epsilon(double seconds) {
        return 1e-9 * Math.max(1, Math.abs(seconds));
    }

    /** Runs one sampling, rebuilding each execution's response time from its placed tasks and its epochs. */
    private static Run run(ExperimentRunner runner, ExperimentSpec spec, ConfigurationSetup setup,
                           Map<String, SamplingSimulation.AppPlan> plans, String policy, int sampling) {
        double[][] taskSeconds = new double[EXECUTIONS][];
        String[] apps = new String[EXECUTIONS];
        SamplingMetrics metrics = runner.runSampling(spec, setup, plans, policy,
                sampling, (device, execution, app, placement) -> {
                    if (taskSeconds[execution] == null) {
                        taskSeconds[execution] = new double[app.size()];
                        apps[execution] = app.application().name();
                    }
                    taskSeconds[execution][placement.task()] = placement.totalSeconds();
                });
        double[] executionSeconds = new double[EXECUTIONS];
        double sum = 0;
        for (int k = 0; k < EXECUTIONS; k++) {
            for (int[] epoch : plans.get(apps[k]).epochs()) {
                double longest = 0;
                for (int task : epoch) {
                    longest = Math.max(longest, taskSeconds[k][task]);
                }
                executionSeconds[k] += longest;
            }
            sum += executionSeconds[k];
        }
        assertThat(sum).as("%s: the executions add up to the sampling's response time", policy)
                .isCloseTo(metrics.responseTimeSeconds(), org.assertj.core.data.Offset.offset(1e-6));
        return new Run(executionSeconds, metrics);
    }

    @org.junit.jupiter.api.Test
    void theBoundRefusesSeveralDevicesBecauseItDoesNotSeeTheSitesQueues() {
        ExperimentSpec spec = ExperimentSpec.of(Fixtures.seedScenario(), List.of(1), List.of("mdp", "clairvoyant"), 1,
                2, SEED).toBuilder().failureMode(FailureMode.TIME).devices(3).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExperimentRunner(Fixtures.uniform(1, 0.5, 1))
                        .run(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy clairvoyant plans without the sites' queues, so it is no bound with several "
                        + "devices; run it with --devices 1");
    }
}
