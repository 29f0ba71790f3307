package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The single-node overlay executed: its four site Deployments, ConfigMaps, token Secret and
 * PersistentVolumeClaims played with {@code podman kube play} in the image that
 * {@code deploy/podman/build-images.sh} builds from Debian packages (adaptations in
 * {@link PodmanSites}), the device run against the four pods, one site crashed under it and one
 * pod deleted and re-created. Skipped without podman, root or the base image (.ci/run provides all
 * three). Every pod, volume and secret is named {@code edgeoff-test-...} and removed afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleNodeOverlayOnPodmanTest {

    private static final String IMAGE = "localhost/edgeoff-test/edgeoff:0.1.0";
    private static final String TEST_OVERLAY = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - ../single-node
            namePrefix: edgeoff-test-
            images:
              - name: edgeoff/edgeoff
                newName: localhost/edgeoff-test/edgeoff
            """;
    private static final Pattern STATUS_PAGE = Pattern.compile("live status page on (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path dir;
    private static PodmanSites sites;

    @BeforeAll
    static void playTheOverlay() throws Exception {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        Optional<String> unavailable = Podman.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "podman test skipped: " + unavailable.orElse(""));
        ContainerImageTest.cliJar();
        Processes.Result build = Processes.run(List.of("bash", RepoFiles.resolve("deploy/podman/build-images.sh").toString(),
                "--tag", IMAGE), Map.of(), null, Duration.ofMinutes(5));
        assertThat(build.exitCode()).as("deploy/podman/build-images.sh: %s", build.output()).isZero();
        Manifests manifests = Kustomize.render("overlays/edgeoff-test",
                Map.of("overlays/edgeoff-test/kustomization.yaml", TEST_OVERLAY));
        dir = Files.createTempDirectory("edgeoff-test-podman");
        sites = PodmanSites.prepare(manifests, dir);
        for (String site : SiteIds.ALL) {
            sites.play(site);
        }
        for (String site : SiteIds.ALL) {
            awaitReady(site);
        }
    }

    @AfterAll
    static void removeEverything() throws IOException {
        if (sites != null) {
            sites.close();
            Podman.run("image", "rm", IMAGE);
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void everySitePodRunsAsNonRootOnAReadOnlyRootFileSystemAndAnswersItsProbePaths() throws Exception {
        for (String site : SiteIds.ALL) {
            String container = sites.containerName(site);

            String user = Podman.check("exec", container, "id", "-u").strip().lines().findFirst().orElseThrow();
            Processes.Result write = Podman.run("exec", container, "touch", "/opt/edgeoff/written");
            HttpResponse<String> ready = get(sites.baseUrl(site) + "/v1/health");
            HttpResponse<String> live = get(sites.baseUrl(site) + "/v1/health/live");

            assertThat(user).as("uid in %s", container).isEqualTo("10001");
            assertThat(write.exitCode()).as("writing to the root file system of %s", container).isNotZero();
            assertThat(write.output()).contains("Read-only file system");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).get("siteId").asText()).isEqualToIgnoringCase(site);
            assertThat(live.statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void theDeviceDetectsASiteCrashedUnderItLosesNoTaskAndTheSiteComesBackWithItsHistory() throws Exception {
        Path out = dir.resolve("device");
        Process device = startDevice(out);
        try {
            String statusPage = await().atMost(START_TIMEOUT).until(() -> statusPage(out), Optional::isPresent).orElseThrow();
            String victim = await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> firstRemoteSiteUsed(statusPage, device), Optional::isPresent).orElseThrow();
            List<String> before = failureEvents(victim);
            int restartsBefore = sites.restartCount(victim);

            Instant killedAt = Instant.now();   // wall time, as the device stamps its suspicions
            sites.killSiteProcess(victim);
            boolean finished = device.waitFor(10, TimeUnit.MINUTES);

            assertThat(finished).as("the device finished: %s", log(out)).isTrue();
            assertThat(device.exitValue()).as("device exit code: %s", log(out)).isZero();
            JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
            for (JsonNode summary : results.get("summaries")) {
                assertThat(summary.get("tasks_lost").asLong()).as("tasks lost by %s", summary.get("policy")).isZero();
            }
            assertThat(results.get("executions").findValues("tasks")).allSatisfy(tasks ->
                    assertThat(tasks).allSatisfy(t -> assertThat(t.get("completed").asBoolean()).isTrue()));
            List<JsonNode> episodes = new ArrayList<>();
            results.get("detection").get("episodes").forEach(episodes::add);
            assertThat(episodes).as("the device's suspicions: %s", episodes).anySatisfy(e -> {
                assertThat(e.get("siteId").asText()).isEqualToIgnoringCase(victim);
                assertThat(Instant.parse(e.get("suspectedAt").asText())).isAfterOrEqualTo(killedAt);
                assertThat(e.get("falseSuspicion").asBoolean()).isFalse();
            });
            awaitReady(victim);
            assertThat(sites.restartCount(victim)).as("restarts of the crashed container").isGreaterThan(restartsBefore);
            List<String> after = failureEvents(victim);
            assertThat(after).hasSizeGreaterThan(before.size());
            assertThat(after.subList(0, before.size())).as("records before the crash, read back").isEqualTo(before);
            assertThat(types(after.subList(before.size(), after.size()))).contains("UNCLEAN_SHUTDOWN", "SITE_STARTED");
            // the failure-monitor sidecar of the pod measured the crash from outside: an outage that starts no
            // earlier than a probe time-out before the kill and ends once the restarted site answered
            List<String[]> measured = await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> sidecarRecords(victim), r -> r.stream().anyMatch(x -> x[2].equals("OUTAGE_ENDED")));
            assertThat(measured).as("sidecar records of %s", victim).extracting(r -> r[2])
                    .containsExactly("OUTAGE_STARTED", "OUTAGE_ENDED");
            assertThat(measured.get(0)[3]).contains("source=sidecar", "mode=crash");
            Instant start = Instant.parse(measured.get(0)[1]);
            Instant end = Instant.parse(measured.get(1)[1]);
            assertThat(start).isAfterOrEqualTo(killedAt.minusMillis(2001)).isBefore(end);
            io.edgeoff.common.testing.Measurements.record("podman-sidecar-crash-outage", java.util.Map.of(
                    "recordedOutageMillis", Duration.between(start, end).toMillis(),
                    "startAfterKillMillis", Duration.between(killedAt, start).toMillis()));
        } finally {
            device.destroyForcibly();
        }
    }

    @Test
    @Order(3)
    void aDeletedAndRecreatedSitePodReadsEveryFailureRecordBackFromItsClaim() throws Exception {
        String site = "cd";
        List<String> before = failureEvents(site);

        sites.deletePod(site);
        sites.play(site);
        awaitReady(site);
        List<String> after = failureEvents(site);

        assertThat(before).isNotEmpty();
        assertThat(after).hasSizeGreaterThan(before.size());
        assertThat(after.subList(0, before.size())).as("every record acknowledged before the deletion").isEqualTo(before);
        assertThat(types(after.subList(before.size(), after.size()))).startsWith("SITE_STOPPED").contains("SITE_STARTED");
    }

    // ---- helpers -------------------------------------------------------------------------

    /** The sidecar's records in the site's claim (sequence, time, type, detail), read with {@code edgeoff site events}. */
    private static List<String[]> sidecarRecords(String site) {
        Path monitorDir = sites.claimMountpoint(site).resolve("monitor");
        if (!Files.isDirectory(monitorDir)) {
            return List.of();
        }
        Processes.Result r = Processes.run(List.of(Processes.javaExecutable().toString(), "-jar",
                ContainerImageTest.cliJar().toString(), "site", "events", "--data-dir", monitorDir.toString()),
                java.util.Map.of(), null, Duration.ofSeconds(60));
        List<String[]> records = new ArrayList<>();
        for (String line : r.output().lines().toList()) {
            if (line.matches("\\d+ \\S+ OUTAGE_[A-Z]+ .*")) {   // host-pressure records left out
                records.add(line.split(" ", 4));
            }
        }
        return records;
    }

    private static Process startDevice(Path out) throws IOException {
        Files.createDirectories(out);
        StringBuilder yaml = new StringBuilder("scenario: seed\ntoken: " + Kustomize.TEST_TOKEN + "\nsites:\n");
        for (String site : SiteIds.ALL) {
            yaml.append("  ").append(site.toUpperCase(java.util.Locale.ROOT)).append(": ").append(sites.baseUrl(site)).append('\n');
        }
        yaml.append("policies: [mdp]\nexecutions: 12\nseed: 3\nemulateLinks: false\nout: ").append(out).append('\n');
        Path config = out.resolve("device.yaml");
        Files.writeString(config, yaml.toString());
        return new ProcessBuilder(Processes.javaExecutable().toString(), "-jar", ContainerImageTest.cliJar().toString(),
                "device", "--config", config.toString(), "--web-port", "0")
                .redirectErrorStream(true).redirectOutput(out.resolve("device.log").toFile()).start();
    }

    private static Optional<String> statusPage(Path out) {
        Matcher m = STATUS_PAGE.matcher(log(out));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The first remote site the device's status page shows a task completed on. */
    private static Optional<String> firstRemoteSiteUsed(String statusPage, Process device) throws Exception {
        assertThat(device.isAlive()).as("the device is still running").isTrue();
        JsonNode status = JSON.readTree(get(statusPage + "/status.json").body());
        for (JsonNode task : status.path("tasks")) {
            String site = task.get("site").asText().toLowerCase(java.util.Locale.ROOT);
            if (SiteIds.ALL.contains(site)) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }

    /**
     * The site's failure records as {@code sequence type time detail}; the file keeps times to the
     * millisecond, so a record read back after a restart is compared at that precision.
     */
    private static List<String> failureEvents(String site) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(sites.baseUrl(site)
                        + "/v1/admin/failure-events?limit=100000")).header("Authorization", "Bearer " + Kustomize.TEST_TOKEN)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        for (JsonNode e : JSON.readTree(response.body()).get("events")) {
            events.add(e.get("sequence").asLong() + " " + e.get("type").asText() + " "
                    + Instant.parse(e.get("time").asText()).truncatedTo(ChronoUnit.MILLIS) + " " + e.get("detail").asText());
        }
        return events;
    }

    private static List<String> types(List<String> events) {
        return events.stream().map(e -> e.split(" ")[1]).toList();
    }

    private static void awaitReady(String site) {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> ready(site));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("site " + site + " not ready on " + sites.baseUrl(site) + "; its log:\n"
                    + sites.logs(site), e);
        }
    }

    private static boolean ready(String site) {
        try {
            return get(sites.baseUrl(site) + "/v1/health").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String log(Path out) {
        try {
            return Files.readString(out.resolve("device.log"));
        } catch (IOException e) {
            return "(no device log: " + e + ")";
        }
    }
}
