package io.edgeoff.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SuspicionResponse;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.handlers.LocalHandlers;
import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.device.workload.MixedWorkload;
import io.edgeoff.device.workload.TaskBinding;
import io.edgeoff.handlers.BuiltInHandlers;
import io.edgeoff.site.HandlerSettings;
import io.edgeoff.task.HandlerLimits;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, items 2 and 5, on real sites: four {@code SiteServer}s on loopback run the built-in handlers; the device
 * binds the seed's applications to them ({@link TaskBinding#builtIn()}). A task's input is its predecessors' outputs
 * (byte for byte, concatenated in task order), also when they ran on other sites; and the device's handler profile,
 * learnt from measured times alone, moves placements away from a site whose handler runs slower.
 */
class DataFlowLiveTest {
    private static final long SEED = 15;

    @TempDir
    Path dir;

    private final Scenario seed = ScenarioYaml.load("seed");
    private final CostModel costModel = seed.costModel(seed.network(new SplittableRandom(SEED)));
    private final Map<String, byte[][]> seen = new ConcurrentHashMap<>(); // "run/execution/task" -> {input, output}
    private final Map<String, String> ranOn = new ConcurrentHashMap<>();

    private LiveDevice device(Map<String, java.util.function.UnaryOperator<io.edgeoff.site.SiteConfig.Builder>> sites,
                              boolean learn) throws Exception {
        return device(sites, learn, TaskBinding.builtIn());
    }

    private LiveDevice device(Map<String, java.util.function.UnaryOperator<io.edgeoff.site.SiteConfig.Builder>> sites,
                              boolean learn, TaskBinding binding) throws Exception {
        return new LiveDevice(seed, costModel, dir, Map.of(), false, RuntimeConfig.ofDefaults().scenarioInputsOnly(),
                sites, b -> b.binding(binding).learnHandlerCosts(learn).dataTap(
                        (run, execution, task, site, input, output) -> {
                            seen.put(run + "/" + execution + "/" + task, new byte[][] {input, output});
                            ranOn.put(run + "/" + execution + "/" + task, site);
                        }));
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Checks every task of {@code app} in execution {@code e} of {@code run}; returns the sites its tasks ran on. */
    private List<String> assertDataFlow(String run, int e, AppInstance app, LocalHandlers local) {
        Application a = app.application();
        int[][] predecessors = a.predecessors();
        String handler = BuiltInHandlers.handlerOf(a.name()).orElseThrow();
        for (int i = 0; i < app.size(); i++) {
            byte[][] io = seen.get(run + "/" + e + "/" + i);
            assertThat(io).as("%s task %s completed", a.name(), app.task(i).name()).isNotNull();
            int[] order = predecessors[i].clone();
            Arrays.sort(order);
            byte[] expected = order.length == 0
                    ? BuiltInHandlers.input(handler, MixedWorkload.inputSeed(SEED, e, i),
                            TaskBinding.BUILT_IN_ROOT_SIZES.get(handler))
                    : concat(Arrays.stream(order).mapToObj(p -> seen.get(run + "/" + e + "/" + p)[1]).toList());
            assertThat(io[0]).as("%s %s's input: its predecessors' outputs %s", a.name(), app.task(i).name(),
                    Arrays.toString(order)).isEqualTo(expected);
            // the runtime asks the handler for the task's drawn work: effortMi = its drawn MI, rounded
            Map<String, String> parameters = Map.of("forward", "true", "effortMi",
                    Long.toString(Math.round(app.task(i).millionInstructions())));
            assertThat(io[1]).as("%s %s's output is the handler's on that input and drawn MI", a.name(),
                    app.task(i).name()).isEqualTo(local.execute(handler, io[0], parameters, 1000, 0).output());
        }
        return java.util.stream.IntStream.range(0, app.size()).mapToObj(i -> ranOn.get(run + "/" + e + "/" + i))
                .toList();
    }

    @Test
    void aSuccessorsInputIsItsPredecessorsOutputBytesAlsoWhenTheyRanOnOtherSites() throws Exception {
        AppInstance antivirus = AppInstance.means(seed.application("ANTIVIRUS"));
        AppInstance gps = AppInstance.means(seed.application("GPS_NAVIGATOR"));
        LocalHandlers local = LocalHandlers.load(List.of(), HandlerLimits.DEFAULT, DeviceClock.SYSTEM);
        PolicySpec spread = new PolicySpec("spread", "offloadable tasks by index over EC, ER, ED",
                FailureResponse.EXCLUDE_SITE_AND_REDECIDE, SuspicionResponse.IGNORE, false, ctx -> new Spread());
        try (LiveDevice device = device(Map.of(), true)) {
            device.poll(1);

            device.run("spread", List.of(antivirus, gps), 0, spread, SEED);

            List<String> antivirusSites = assertDataFlow("spread", 0, antivirus, local);
            List<String> gpsSites = assertDataFlow("spread", 1, gps, local);
            // ANTIVIRUS: GUI, LOAD_LIBRARY, SCAN_FILE, COMPARE, OUTPUT; COMPARE's input came from two other sites
            assertThat(antivirusSites).containsExactly("MD", "EC", "ER", "ED", "MD");
            // GPS_NAVIGATOR: PATH_CALC (index 5, on ER) takes CONTROL, MAPS and TRAFFIC's outputs from three sites
            assertThat(gpsSites.subList(2, 6)).containsExactly("ER", "ED", "EC", "ER");
            assertThat(device.sink.tasks()).allMatch(TaskOutcome::completed);
        }
    }

    @Test
    void everyTaskOfTheMixedWorkloadGetsItsPredecessorsOutputsUnderMdp() throws Exception {
        List<AppInstance> apps = new MixedWorkload(seed, SEED).take(12);
        LocalHandlers local = LocalHandlers.load(List.of(), HandlerLimits.DEFAULT, DeviceClock.SYSTEM);
        try (LiveDevice device = device(Map.of(), true)) {
            device.poll(1);

            device.run("mdp", apps, 0, Policies.spec("mdp"), SEED);

            for (int e = 0; e < apps.size(); e++) {
                assertDataFlow("mdp", e, apps.get(e), local);
            }
            assertThat(apps.stream().map(a -> a.application().name()).distinct()).hasSizeGreaterThanOrEqualTo(4);
            List<Attempt> offloaded = device.sink.tasks().stream().flatMap(t -> t.attempts().stream())
                    .filter(a -> a.siteIndex() != costModel.deviceIndex() && a.succeeded()).toList();
            assertThat(offloaded).isNotEmpty().allSatisfy(a -> assertThat(a.handlerTiming()).isNotNull());
        }
    }

    @Test
    void aSiteWhoseHandlerRunsSlowerGetsFewerPlacementsOnceTheDeviceHasMeasuredIt() throws Exception {
        // ED's host is declared 40 times faster than ED's rating: its speed emulation stretches every handler call
        // 40-fold. The scenario (and so every prior) still rates ED at 5000 MIPS, as ER.
        Map<String, java.util.function.UnaryOperator<io.edgeoff.site.SiteConfig.Builder>> slowEd = Map.of("ED",
                b -> b.handlers(HandlerSettings.DEFAULTS.withHostMips(40 * seed.site("ED").mips())));
        Map<String, java.util.function.UnaryOperator<io.edgeoff.site.SiteConfig.Builder>> fair = Map.of();
        List<AppInstance> apps = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> AppInstance.means(seed.application("FACEBOOK"))).toList();

        // the handlers' usual work only (no effortMi): a 40-fold stretch of the scenario's MI would take minutes
        TaskBinding usualWork = (app, task) -> TaskBinding.builtIn().of(app, task);
        long edLearning;
        long edControl;
        try (LiveDevice device = device(slowEd, true, usualWork)) {
            device.poll(1);
            edLearning = device.perSite(later(device.run("learn", apps, 0, Policies.spec("greedy"), SEED))).get("ED");
        }
        seen.clear();
        try (LiveDevice device = device(slowEd, false, usualWork)) {
            device.poll(1);
            edControl = device.perSite(later(device.run("control", apps, 0, Policies.spec("greedy"), SEED))).get("ED");
        }

        System.out.printf("handler profile: ED attempts in executions 3-8, learning %d, not learning %d%n",
                edLearning, edControl);
        assertThat(edControl).as("without learning, greedy keeps ED (best link, same rating as ER)")
                .isGreaterThanOrEqualTo(12);
        assertThat(edLearning).as("after measuring ED's slow handler (control: %d)", edControl)
                .isLessThanOrEqualTo(edControl / 4);
    }

    /** The attempts of executions 3 onwards (the first two are where the device learns). */
    private static List<Attempt> later(List<Attempt> attempts) {
        // FACEBOOK has 5 offloadable tasks and 3 device tasks: 8 attempts per execution without failures
        return attempts.subList(Math.min(attempts.size(), 2 * 8), attempts.size());
    }

    /** Offloadable task {@code i} on EC, ER, ED for {@code (i - 1) mod 3} = 0, 1, 2; the rest on the device. */
    private static final class Spread implements OffloadingPolicy {
        @Override
        public String name() {
            return "spread";
        }

        @Override
        public Decision decide(DecisionRequest r) {
            if (!r.app().task(r.taskIndex()).offloadable()) {
                return new Decision(0, Double.NaN, Double.NaN);
            }
            int[] order = {2, 3, 1};
            return new Decision(order[(r.taskIndex() - 1) % order.length], Double.NaN, Double.NaN);
        }
    }
}
