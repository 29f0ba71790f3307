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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric name the Grafana dashboard queries is really exported: a real {@code edgeoff site}
 * (EC) and a real {@code edgeoff device --metrics-port} (run against EC, with ED, ER and CD
 * unreachable so that suspicions happen) are scraped, the names parsed from the
 * Prometheus text, and each name in the dashboard's PromQL (histogram and timer suffixes included)
 * must be among them. {@code up} is Prometheus' own.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardMetricsScrapeTest {
    private static final String TOKEN = "scrape-test-token-0123456789";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyMetricTheDashboardQueriesIsInAScrapeOfARunningSiteOrDevice() throws Exception {
        Processes.Result help = cli(List.of("device", "--help"));
        assumeTrue(help.exitCode() == 0 && help.output().contains("--metrics-port"),
                "this build's edgeoff device has no --metrics-port yet");
        int sitePort = NginxProxy.freeLoopbackPort();
        Process site = start(List.of("site", "--site", "EC", "--bind", "127.0.0.1", "--port", Integer.toString(sitePort),
                "--data-dir", dir.resolve("ec").toString()), dir.resolve("site.log"));
        Process device = null;
        try {
            String siteUrl = "http://127.0.0.1:" + sitePort;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(site.isAlive()).as("site runs: %s", log("site.log")).isTrue();
                return status(siteUrl + "/v1/health") == 200;
            });

            int metricsPort = NginxProxy.freeLoopbackPort();
            Path out = dir.resolve("device");
            Files.createDirectories(out);
            StringBuilder yaml = new StringBuilder("scenario: seed\ntoken: " + TOKEN + "\nsites:\n  EC: " + siteUrl + "\n");
            for (String down : List.of("ED", "ER", "CD")) {   // nothing listens there: refused
                yaml.append("  ").append(down).append(": http://127.0.0.1:").append(NginxProxy.freeLoopbackPort()).append('\n');
            }
            // synthetic MI tasks: with the built-in handlers' small real work mdp keeps everything on the device,
            // and the dashboard's per-site decision counters must see offloads to EC
            yaml.append("policies: [mdp]\nexecutions: 3\nseed: 7\nemulateLinks: false\nsyntheticTasks: true\nout: ").append(out).append('\n');
            Files.writeString(out.resolve("device.yaml"), yaml.toString());
            device = start(List.of("device", "--config", out.resolve("device.yaml").toString(), "--metrics-port",
                    Integer.toString(metricsPort), "--metrics-linger-seconds", "240"), dir.resolve("device.log"));
            Process d = device;
            // the run is over (reports written) and the final values are served for the linger time
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(d.isAlive()).as("device runs: %s", log("device.log")).isTrue();
                return log("device.log").contains("reports: ");
            });

            Set<String> siteNames = names(get(siteUrl + "/v1/metrics"));
            String deviceScrape = get("http://127.0.0.1:" + metricsPort + "/metrics");
            Set<String> deviceNames = names(deviceScrape);
            Set<String> scraped = new HashSet<>(siteNames);
            scraped.addAll(deviceNames);
            scraped.add("up");   // Prometheus' own series of each target

            Set<String> queried = dashboardNames();
            assertThat(queried).as("the dashboard queries sites and the device")
                    .anyMatch(n -> n.startsWith("edgeoff_site_")).anyMatch(n -> n.startsWith("edgeoff_device_"));
            assertThat(scraped).as("names scraped from a running site and device").containsAll(queried);
            // and the device really counted its run (not only registered zeros)
            assertThat(deviceScrape).containsPattern("edgeoff_device_tasks_total\\{outcome=\"completed\",policy=\"mdp\"} [1-9]");
            assertThat(deviceScrape).containsPattern("edgeoff_device_suspicions_total\\{cause=\"[A-Z_]+\",site=\"(ED|ER|CD)\"} [1-9]")
                    .containsPattern("edgeoff_device_decisions_total\\{policy=\"mdp\",site=\"EC\"} [1-9]");
        } finally {
            if (device != null) {
                device.destroy();
                device.waitFor(20, TimeUnit.SECONDS);
                device.destroyForcibly();
            }
            site.destroy();
            site.waitFor(30, TimeUnit.SECONDS);
            site.destroyForcibly();
        }
    }

    /** Metric names in a Prometheus text exposition (series lines, labels and value stripped). */
    static Set<String> names(String exposition) {
        Set<String> names = new HashSet<>();
        for (String line : exposition.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
                    || line.charAt(end) == ':')) {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    /** Metric names in the dashboard's queries, as written (with their _bucket/_sum/_count/_max suffixes). */
    private static Set<String> dashboardNames() throws IOException {
        JsonNode dashboard = JSON.readTree(RepoFiles.resolve("kubernetes/monitoring/grafana-dashboard.json").toFile());
        Set<String> used = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = MonitoringFilesTest.METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable().toString(), "-jar",
                ContainerImageTest.cliJar().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("EDGEOFF_SITE_TOKEN", TOKEN);
        Process p = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return p;
    }

    private static Processes.Result cli(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable().toString(), "-jar",
                ContainerImageTest.cliJar().toString()));
        command.addAll(args);
        return Processes.run(command, Map.of(), null, Duration.ofSeconds(60));
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
        return r.body();
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
}
