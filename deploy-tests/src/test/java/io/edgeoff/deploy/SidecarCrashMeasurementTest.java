package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeoff.common.testing.Measurements;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash measured by the failure-monitor sidecar: {@code edgeoff site} and its sidecar started
 * as the Deployment's two containers start them (rendered base, {@link SiteProcess}), the site's JVM
 * killed with SIGKILL, then restarted on the same port (what the kubelet does). The sidecar's file
 * ({@code <data-dir>/monitor/}, read with {@code edgeoff site events}) holds one outage: it starts no
 * earlier than a probe time-out before the kill and before the restart began, and ends no earlier
 * than the restart began and no later than the test saw the record. The measured offsets are written
 * with {@link Measurements} (they move with the machine's load); the site's own history counts the
 * crash once, with the sidecar's times.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SidecarCrashMeasurementTest {
    private static final String TOKEN = "sidecar-test-token-0123456789";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void aKilledSiteShowsAnOutageFromTheKillToTheRestartWrittenByTheSidecar() throws Exception {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        Processes.Result help = run(List.of("site", "monitor", "--help"));
        assumeTrue(help.exitCode() == 0 && help.output().contains("--probe-timeout-millis"),
                "this build has no 'edgeoff site monitor' command yet");
        Manifests base = ManifestInvariantsTest.rendered("base");
        Path siteDir = Files.createDirectories(dir.resolve("ec"));
        Path data = siteDir.resolve("data");
        long probeTimeoutMillis = monitorFlag(base, "--probe-timeout-millis");
        long pollMillis = monitorFlag(base, "--poll-millis");

        int port = NginxProxy.freeLoopbackPort();
        SiteProcess site = SiteProcess.start(base, "ec", TOKEN, siteDir, port);
        SiteProcess monitor = null;
        SiteProcess restarted = null;
        try {
            awaitLive(site, port);
            monitor = SiteProcess.startMonitor(base, "ec", siteDir, port);
            SiteProcess m = monitor;
            // the sidecar has seen the site answer (its health says so once its loop runs)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(m.isAlive()).as("monitor runs: %s", m.log()).isTrue();
                return status(m.baseUrl() + "/health") == 200;
            });

            Instant killedAt = Instant.now();
            site.kill();
            Instant deadAt = Instant.now();

            List<String[]> started = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> sidecarRecords(data), r -> r.stream().anyMatch(x -> x[2].equals("OUTAGE_STARTED")));
            Instant startSeenAt = Instant.now();

            Instant restartAt = Instant.now();
            restarted = SiteProcess.start(base, "ec", TOKEN, siteDir, port);
            Instant upSeenAt = awaitLive(restarted, port);
            List<String[]> records = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> sidecarRecords(data), r -> r.stream().anyMatch(x -> x[2].equals("OUTAGE_ENDED")));
            Instant endSeenAt = Instant.now();

            assertThat(records).extracting(r -> r[2]).containsExactly("OUTAGE_STARTED", "OUTAGE_ENDED");
            assertThat(records.get(0)[3]).contains("source=sidecar").contains("mode=crash");
            assertThat(started).hasSize(1);
            Instant start = Instant.parse(records.get(0)[1]);
            Instant end = Instant.parse(records.get(1)[1]);
            // load-proof bounds: the sidecar cannot see the crash before its last probe could fail, nor the site
            // back before the new process existed; both were recorded before the test read them
            assertThat(start).isAfterOrEqualTo(killedAt.minusMillis(probeTimeoutMillis + 1))
                    .isBeforeOrEqualTo(startSeenAt).isBefore(restartAt.plusMillis(1));
            assertThat(end).isAfterOrEqualTo(restartAt.minusMillis(1)).isBeforeOrEqualTo(endSeenAt);

            // the site's own history counts the crash once, with the sidecar's measured times
            List<String> outages = run(List.of("site", "events", "--outages", "--data-dir", data.toString()))
                    .output().lines().filter(l -> !l.startsWith("system")).filter(l -> !l.isBlank()).toList();
            assertThat(outages).hasSize(1);
            assertThat(outages.get(0)).endsWith(start + "," + end);

            Map<String, Object> values = new LinkedHashMap<>();
            values.put("pollMillis", pollMillis);
            values.put("probeTimeoutMillis", probeTimeoutMillis);
            values.put("recordedOutageMillis", Duration.between(start, end).toMillis());
            values.put("testMeasuredDowntimeMillis", Duration.between(killedAt, upSeenAt).toMillis());
            values.put("startAfterKillMillis", Duration.between(killedAt, start).toMillis());
            values.put("killToExitMillis", Duration.between(killedAt, deadAt).toMillis());
            values.put("endAfterRestartBeganMillis", Duration.between(restartAt, end).toMillis());
            values.put("endBeforeTestSawSiteUpMillis", Duration.between(end, upSeenAt).toMillis());
            Measurements.record("sidecar-crash-outage", values);
        } finally {
            for (SiteProcess p : new SiteProcess[] {restarted, monitor, site}) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    /** The sidecar's records: sequence, time, type, detail. */
    private static List<String[]> sidecarRecords(Path data) {
        Path monitorDir = data.resolve("monitor");
        if (!Files.isDirectory(monitorDir)) {
            return List.of();
        }
        Processes.Result r = run(List.of("site", "events", "--data-dir", monitorDir.toString()));
        List<String[]> records = new ArrayList<>();
        for (String line : r.output().lines().toList()) {
            if (line.matches("\\d+ \\S+ OUTAGE_[A-Z]+ .*")) {   // host-pressure records left out
                records.add(line.split(" ", 4));
            }
        }
        return records;
    }

    private static long monitorFlag(Manifests base, String flag) {
        Optional<String> arg = ManifestInvariantsTest.sites(base).get(0).template().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("failure-monitor")).findFirst().orElseThrow().getArgs().stream()
                .filter(a -> a.startsWith(flag + "=")).findFirst();
        return Long.parseLong(arg.orElseThrow().substring(flag.length() + 1));
    }

    private static Instant awaitLive(SiteProcess site, int port) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(site.isAlive()).as("site runs: %s", site.log()).isTrue();
            return status("http://127.0.0.1:" + port + "/v1/health/live") == 200;
        });
        return Instant.now();
    }

    private static int status(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Processes.Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable().toString(), "-jar",
                ContainerImageTest.cliJar().toString()));
        command.addAll(args);
        return Processes.run(command, Map.of(), null, Duration.ofSeconds(60));
    }
}
