package io.edgeoff.cli.device;

import io.edgeoff.experiment.Demo;
import io.edgeoff.experiment.LiveComparison;
import io.edgeoff.experiment.SiteArguments;
import io.edgeoff.experiment.SiteProcesses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.testing.Measurements;
import io.edgeoff.decision.FailureResponse;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.decision.SuspicionResponse;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.PreferencePolicy;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.runtime.DeviceRuntime;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.runtime.TaskOutcome;
import io.edgeoff.device.workload.MixedWorkload;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-show: a real site process is killed with SIGKILL in the middle of a run. The device detects it,
 * completes every task elsewhere or locally, loses none and counts none twice. The detection latency is
 * recorded in {@code target/measurements/site-kill-detection.json}.
 */
class SiteKillTest {
    @TempDir
    Path dir;

    @Test
    void aSiteKilledMidRunIsDetectedAndNoTaskIsLostOrCountedTwice() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.edgeoff.cli.EdgeoffCommand.commandLine().getSubcommands().containsKey("site"),
                "the 'edgeoff site' command is not in this build");
        Scenario seed = ScenarioYaml.load("seed");
        String token = "kill-test-token";
        List<SiteEndpoint> endpoints = new ArrayList<>();
        DetectorConfig config = DetectorConfig.ofDefaults();
        try (SiteProcesses sites = new SiteProcesses(msg -> { })) {
            for (Site site : seed.remoteSites()) {
                int port = SiteProcesses.freePort();
                sites.start(new SiteProcesses.SiteLaunch(site.id(), port,
                        SiteArguments.of(site.id(), port, dir.resolve(site.id()), null, 1),
                        token, dir.resolve(site.id() + ".log")));
                endpoints.add(new SiteEndpoint(site.id(), URI.create("http://127.0.0.1:" + port), token));
            }
            sites.awaitHealthy(Duration.ofSeconds(90));
            InMemoryOutcomeSink sink = new InMemoryOutcomeSink();
            List<AppInstance> apps = new MixedWorkload(seed, 21).take(14);
            List<ExecutionResult> results = Collections.synchronizedList(new ArrayList<>());
            AtomicLong suspectedAt = new AtomicLong();
            try (HttpSiteClient client = new HttpSiteClient();
                 FailureDetector detector = new FailureDetector(endpoints, client, config, DeviceClock.SYSTEM);
                 ResourceMonitor monitor = new ResourceMonitor(endpoints, client, Duration.ofSeconds(1),
                         Duration.ofMillis(500), DeviceClock.SYSTEM)) {
                monitor.start();
                LiveComparison.warmUp(client, endpoints, msg -> { });
                detector.addListener((id, cause) -> {
                    if (id.equals("EC")) {
                        suspectedAt.compareAndSet(0, System.nanoTime());
                    }
                });
                detector.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> endpoints.stream()
                        .noneMatch(e -> detector.isSuspected(e.siteId())));
                try (DeviceRuntime runtime = DeviceRuntime.builder().scenario(seed, seed.costModel())
                        .endpoints(endpoints).client(client).detector(detector).monitor(monitor).sink(sink)
                        .config(RuntimeConfig.ofDefaults()).build()) {
                    PreferencePolicy ecFirst = new PreferencePolicy(0, List.of(2, 1, 3));
                    Thread run = new Thread(() -> {
                        for (int e = 0; e < apps.size(); e++) {
                            results.add(runtime.execute("kill", e, apps.get(e), new PolicySpec("ec-first",
                                    "EC, ED, ER, then the device", FailureResponse.EXCLUDE_SITE_AND_REDECIDE,
                                    SuspicionResponse.EXCLUDE_SUSPECTED, false, ctx -> ecFirst), ecFirst, 21));
                        }
                    });
                    run.start();
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> sink.tasks().stream().filter(t -> t.siteId().equals("EC")).count() >= 4);

                    long killedAt = System.nanoTime();
                    sites.kill("EC");
                    run.join(90_000);

                    assertThat(run.isAlive()).isFalse();
                    assertThat(suspectedAt.get()).isPositive();
                    double detectionMillis = (suspectedAt.get() - killedAt) / 1e6;
                    // the latency moves with the machine's load: a measurement, not a pass/fail bound (the
                    // detector's bound is checked on a manual clock in FailureDetectorTest; detection-bench
                    // measures the latency distribution)
                    Measurements.record("site-kill-detection", Map.of("detectionBoundMillis",
                            config.detectionBound().toMillis(), "detectionLatencyMillis", detectionMillis));
                }
                assertThat(detector.isSuspected("EC")).isTrue();
            }
            int expected = apps.stream().mapToInt(AppInstance::size).sum();
            assertThat(results).hasSize(apps.size());
            assertThat(sink.tasks()).hasSize(expected).allMatch(TaskOutcome::completed);
            assertThat(sink.tasks().stream().map(t -> t.execution() + "/" + t.taskIndex()).distinct()).hasSize(expected);
            assertThat(results).allMatch(r -> r.tasksLost() == 0);
            List<TaskOutcome> afterKill = sink.tasks().subList(sink.tasks().size() - 10, sink.tasks().size());
            assertThat(afterKill).noneMatch(t -> t.siteId().equals("EC"));
            assertThat(sink.tasks()).flatExtracting(TaskOutcome::attempts)
                    .filteredOn(a -> !a.succeeded()).allMatch(a -> a.siteId().equals("EC"));
        }
    }
}
