package io.edgeoff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeoff.device.DeviceClock;
import io.edgeoff.device.client.HttpSiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.detector.SuspicionListener;
import io.edgeoff.site.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * How long the device's failure detector takes to suspect a failed site. Starts one real site process; each trial
 * fails it (SIGKILL of the process, or an injected refuse, hang or error outage), measures the time from the
 * failure to the suspicion, and brings the site back.
 */
public final class DetectionBench {
    /** The failure modes a trial can cause. */
    public static final List<String> MODES = List.of("kill", "refuse", "hang", "error");

    private DetectionBench() {
    }

    /**
     * The benchmark's outcome.
     *
     * @param mode    the failure mode
     * @param config  the detector's settings
     * @param result  the fields of the JSON result, in order
     * @param file    the JSON result file
     */
    public record Result(String mode, DetectorConfig config, Map<String, Object> result, Path file) {
        /** The one-line summary printed at the end. */
        public String summary() {
            return String.format(Locale.ROOT, "%s: %d trials, detection latency median %.1f ms, p90 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms (bound %d ms; the seed charged a fixed 1500 ms)", mode,
                    result.get("trials"), result.get("medianMillis"), result.get("p90Millis"), result.get("p99Millis"),
                    result.get("maxMillis"), config.detectionBound().toMillis());
        }
    }

    /** Runs {@code trials} trials of {@code mode}, reporting one line per trial to {@code trialLog}. */
    public static Result run(String mode, int trials, Path out, Consumer<String> trialLog) throws InterruptedException {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("--mode must be kill, refuse, hang or error, but was '" + mode + "'");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, but was " + trials);
        }
        DetectorConfig config = DetectorConfig.ofDefaults();
        String token = SiteConfig.randomToken();
        int port = SiteProcesses.freePort();
        List<Double> latencies = new ArrayList<>();
        try (SiteProcesses sites = new SiteProcesses(msg -> { });
             HttpSiteClient client = new HttpSiteClient()) {
            sites.start(new SiteProcesses.SiteLaunch("EC", port,
                    SiteArguments.of("EC", port, out.resolve("site"), null, 1), token, out.resolve("site.log")));
            sites.awaitHealthy(Duration.ofSeconds(120));
            SiteEndpoint endpoint = new SiteEndpoint("EC", URI.create("http://127.0.0.1:" + port), token);
            try (FailureDetector detector = new FailureDetector(List.of(endpoint), client, config, DeviceClock.SYSTEM)) {
                AtomicReference<CountDownLatch> suspected = new AtomicReference<>(new CountDownLatch(1));
                AtomicLong suspectedAt = new AtomicLong();
                detector.addListener(new SuspicionListener() {
                    @Override
                    public void suspected(String siteId, String cause) {
                        suspectedAt.set(System.nanoTime());
                        suspected.get().countDown();
                    }
                });
                detector.start();
                for (int trial = 0; trial < trials; trial++) {
                    do { // a second of regular heartbeats, and the site trusted, before each failure
                        awaitTrusted(detector, Duration.ofSeconds(120));
                        suspected.set(new CountDownLatch(1));
                        Thread.sleep(1000);
                    } while (detector.isSuspected("EC") || suspected.get().getCount() == 0);
                    long failedAt = System.nanoTime();
                    fail(mode, sites, endpoint);
                    if (!suspected.get().await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("trial " + trial + ": the site was not suspected within 30 s");
                    }
                    double ms = (suspectedAt.get() - failedAt) / 1e6;
                    latencies.add(ms);
                    trialLog.accept(String.format(Locale.ROOT, "trial %d: %s detected after %.1f ms", trial + 1, mode, ms));
                    if (mode.equals("kill")) {
                        sites.restart("EC");
                        sites.awaitHealthy(Duration.ofSeconds(120));
                    }
                }
            }
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", mode);
        result.put("trials", sorted.length);
        result.put("heartbeatIntervalMillis", config.heartbeatInterval().toMillis());
        result.put("maxSilenceMillis", config.maxSilence().toMillis());
        result.put("phiThreshold", config.phiThreshold());
        result.put("detectionBoundMillis", config.detectionBound().toMillis());
        result.put("medianMillis", LiveReports.percentile(sorted, 0.5));
        result.put("p90Millis", LiveReports.percentile(sorted, 0.9));
        result.put("p99Millis", LiveReports.percentile(sorted, 0.99));
        result.put("maxMillis", sorted[sorted.length - 1]);
        result.put("meanMillis", Arrays.stream(sorted).average().orElse(Double.NaN));
        result.put("seedFixedDetectionMillis", 1500);
        result.put("latenciesMillis", latencies);
        result.put("note", "latency = from just before the failure is caused (SIGKILL sent / outage requested) "
                + "to the detector's suspicion; a trial starts only after the site has been trusted for 1 s");
        Path file = out.resolve("detection-" + mode + ".json");
        try {
            Files.createDirectories(out);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return new Result(mode, config, result, file);
    }

    private static void fail(String mode, SiteProcesses sites, SiteEndpoint endpoint)
            throws InterruptedException {
        if (mode.equals("kill")) {
            sites.kill("EC"); // SIGKILL
            return;
        }
        HttpResponse<String> r;
        try {
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("admin/outages"))
                    .header("Authorization", "Bearer " + endpoint.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\",\"durationMillis\":2000}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("outage injection failed: " + e.getMessage(), e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("outage injection failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static void awaitTrusted(FailureDetector detector, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (detector.isSuspected("EC")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the site did not come back within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }
}
