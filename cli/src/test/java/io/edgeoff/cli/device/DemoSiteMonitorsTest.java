package io.edgeoff.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.Site;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.experiment.Demo;
import io.edgeoff.experiment.SiteProcesses;
import io.edgeoff.site.SiteConfig;
import io.edgeoff.site.failure.Details;
import io.edgeoff.site.failure.FailureEventType;
import io.edgeoff.site.failure.FailureFile;
import io.edgeoff.site.failure.FailureHistory;
import io.edgeoff.site.failure.FailureRecord;
import io.edgeoff.site.failure.SidecarMonitor;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sites, started as the demo starts them, each with its sidecar failure monitor in a process of its own: a
 * crash outage injected into a site (the way a replayed trace injects one: the site records it, exits with the crash
 * code, the supervisor restarts it and it stays down for the rest of the outage) is recorded by that site's monitor
 * with a measured start and end, and the site's history counts it once, with the monitor's times.
 */
class DemoSiteMonitorsTest {
    @TempDir
    Path dir;

    @Test
    void aCrashInjectedIntoADemoSiteIsMeasuredByItsOwnMonitorProcessAndCountedOnce() throws Exception {
        assumeTrue(io.edgeoff.cli.EdgeoffCommand.commandLine().getSubcommands().containsKey("site"),
                "the 'edgeoff site' command is not in this build");
        Scenario seed = ScenarioYaml.load("seed");
        String token = SiteConfig.randomToken();
        Path siteDir = dir.resolve("sites");
        long crashMillis = 3000;

        try (SiteProcesses sites = new SiteProcesses(msg -> { })) {
            List<SiteEndpoint> endpoints = Demo.startSites(sites, seed, token, siteDir, Map.of(), 1);
            sites.awaitHealthy(Duration.ofSeconds(180));
            SiteEndpoint ec = endpoints.stream().filter(e -> e.siteId().equals("EC")).findFirst().orElseThrow();

            HttpResponse<String> injected = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            ec.baseUri().resolve("/v1/admin/outages"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"mode\":\"crash\",\"durationMillis\":" + crashMillis + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(injected.statusCode()).as(injected.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(90)).until(() -> sites.restarts() == 1);
            Path ecData = siteDir.resolve("EC");
            List<FailureRecord> measured = await().atMost(Duration.ofSeconds(90))
                    .until(() -> outages(SidecarMonitor.readRecords(ecData)),
                            r -> r.stream().anyMatch(x -> x.type() == FailureEventType.OUTAGE_ENDED));
            List<FailureRecord> own = FailureFile.read(ecData).records();

            Set<Long> pids = seed.remoteSites().stream().map(Site::id)
                    .map(id -> sites.process(id).pid()).collect(Collectors.toSet());
            for (Site site : seed.remoteSites()) {
                assertThat(sites.monitorRecords(site.id())).as("monitor folder of %s", site.id()).isDirectory();
                assertThat(siteDir.resolve(site.id() + "-monitor.log")).exists();
            }
            assertThat(pids).hasSize(4);
            assertThat(measured).extracting(FailureRecord::type)
                    .containsExactly(FailureEventType.OUTAGE_STARTED, FailureEventType.OUTAGE_ENDED);
            assertThat(Details.parse(measured.get(0).detail())).containsEntry("source", "sidecar")
                    .containsEntry("mode", "crash");
            FailureRecord crash = own.stream().filter(r -> r.type() == FailureEventType.OUTAGE_STARTED)
                    .filter(r -> "crash".equals(Details.parse(r.detail()).get("mode"))).findFirst().orElseThrow();
            Instant start = measured.get(0).time();
            Instant end = measured.get(1).time();
            // causal bounds, not tolerances: the site answered until it recorded the crash, and refused until the
            // crash outage was over (it stays down after the restart), however slow the machine is
            assertThat(start).isAfterOrEqualTo(crash.time());
            assertThat(end).isAfterOrEqualTo(crash.time().plusMillis(crashMillis));
            assertThat(own).as("the site itself inferred the gap at its restart")
                    .anyMatch(r -> r.type() == FailureEventType.UNCLEAN_SHUTDOWN);

            FailureHistory history = FailureHistory.of(own, SidecarMonitor.readRecords(ecData), Instant.now());
            assertThat(history.failureStarts()).containsExactly(start);
            assertThat(history.downIntervals()).hasSize(1).first()
                    .satisfies(d -> assertThat(d.start()).isEqualTo(start))
                    .satisfies(d -> assertThat(d.end()).isEqualTo(end));
            assertThat(Files.readString(siteDir.resolve("EC-monitor.log"))).doesNotContain(token);
        }
    }

    private static List<FailureRecord> outages(List<FailureRecord> records) {
        return records.stream().filter(r -> r.type() == FailureEventType.OUTAGE_STARTED
                || r.type() == FailureEventType.OUTAGE_ENDED).toList();
    }
}
