package io.edgeoff.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.placement.PlacementRules;
import io.edgeoff.device.runtime.RuntimeConfig;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.common.detection.DetectorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The device's configuration file ({@code edgeoff device --config FILE}), YAML. Every field is checked;
 * errors name the file, the field and the value. See {@code docs/DEVICE.md} for the reference.
 *
 * @param scenario      {@code seed} or a scenario file path
 * @param token         bearer token of the sites
 * @param sites         remote site id to base URL
 * @param policies      policy names
 * @param executions    executions per policy
 * @param seed          seed of the workload
 * @param emulateLinks  emulate the scenario's links on the device
 * @param out           report directory
 * @param detector      failure-detector settings
 * @param runtime       the device runtime's settings ({@code runtime:}: threads, the placement loop's attempt cap,
 *                      output checks, measured inputs, learned availability)
 * @param syntheticTasks run the seed's synthetic MI tasks instead of the built-in handlers (default false)
 * @param fleetDevice   with a scenario that declares {@code devices:}, the one device this process runs (its workload,
 *                      executions, idle time, links and cell schedule); empty: every device of the scenario, each its
 *                      own runtime in this process
 * @param mobilitySpeedup schedule seconds of the cell schedules per wall second, &gt; 0 (default 1: as written)
 * @param mobilityStartAt the wall-clock instant of schedule time 0 (ISO-8601, e.g. {@code 2026-12-03T10:00:00Z}), so
 *                      that device processes and a test-bed switching real links agree on it; empty: the first
 *                      execution
 */
public record DeviceSettings(String scenario, String token, List<SiteEndpoint> sites, List<String> policies, int executions,
                      long seed, boolean emulateLinks, Path out, DetectorConfig detector, RuntimeConfig runtime,
                      boolean syntheticTasks, java.util.Optional<String> fleetDevice, double mobilitySpeedup,
                      java.util.Optional<java.time.Instant> mobilityStartAt) {

    private static final Set<String> TOP = Set.of("scenario", "token", "sites", "policies", "executions", "seed",
            "emulateLinks", "out", "detector", "runtime", "syntheticTasks", "fleetDevice", "mobilitySpeedup", "mobilityStartAt");
    private static final Set<String> RUNTIME = Set.of("threads", "maxRemoteAttempts", "verifyOutputs", "measuredInputs",
            "learnAvailability");
    private static final Set<String> DETECTOR = Set.of("heartbeatMillis", "heartbeatTimeoutMillis",
            "maxSilenceMillis", "phiThreshold", "deadlineFactor", "deadlineSlackMillis");

    public static DeviceSettings read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("device config " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping with fields " + TOP);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static DeviceSettings parse(JsonNode root) {
        unknown(root, TOP, "");
        String token = text(root, "token", null);
        JsonNode sitesNode = root.path("sites");
        if (!sitesNode.isObject() || sitesNode.isEmpty()) {
            throw new IllegalArgumentException("sites: expected a mapping of site id to URL, e.g. EC: http://127.0.0.1:8082");
        }
        List<SiteEndpoint> sites = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sitesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String url = e.getValue().asText();
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("sites." + e.getKey() + ": not a URL: '" + url + "'");
            }
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("sites." + e.getKey() + ": expected an http(s) URL, but was '" + url + "'");
            }
            sites.add(new SiteEndpoint(e.getKey(), uri, token));
        }
        List<String> policies = new ArrayList<>();
        JsonNode p = root.path("policies");
        if (p.isMissingNode()) {
            policies.add(Policies.DEFAULT);
        } else if (p.isArray()) {
            p.forEach(n -> policies.add(n.asText()));
        } else {
            policies.addAll(List.of(p.asText().split(",")));
        }
        try {
            Policies.parseList(String.join(",", policies));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policies: " + e.getMessage());
        }
        int executions = (int) number(root, "executions", 20, 1, 1_000_000);
        long seed = (long) number(root, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        boolean emulate = root.path("emulateLinks").asBoolean(true);
        Path out = Path.of(text(root, "out", "out/device"));
        JsonNode synthetic = root.path("syntheticTasks");
        if (!synthetic.isMissingNode() && !synthetic.isBoolean()) {
            throw new IllegalArgumentException("syntheticTasks: expected true or false, but was '" + synthetic.asText()
                    + "'");
        }
        JsonNode fleetDevice = root.path("fleetDevice");
        if (!fleetDevice.isMissingNode() && (!fleetDevice.isTextual() || fleetDevice.asText().isBlank())) {
            throw new IllegalArgumentException("fleetDevice: expected the id of one of the scenario's devices, but was '"
                    + fleetDevice.asText() + "'");
        }
        double speedup = number(root, "mobilitySpeedup", 1, 0, 1_000_000);
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("mobilitySpeedup: must be > 0, but was " + fmt(speedup));
        }
        java.util.Optional<java.time.Instant> startAt = java.util.Optional.empty();
        if (!root.path("mobilityStartAt").isMissingNode()) {
            String at = root.path("mobilityStartAt").asText();
            try {
                startAt = java.util.Optional.of(java.time.Instant.parse(at));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("mobilityStartAt: expected an ISO-8601 instant such as "
                        + "2026-12-03T10:00:00Z, but was '" + at + "'");
            }
        }
        return new DeviceSettings(text(root, "scenario", "seed"), token, sites, policies, executions, seed, emulate,
                out, detector(root.path("detector")), runtime(root.path("runtime")), synthetic.asBoolean(false),
                fleetDevice.isMissingNode() ? java.util.Optional.empty() : java.util.Optional.of(fleetDevice.asText()),
                speedup, startAt);
    }

    private static RuntimeConfig runtime(JsonNode node) {
        RuntimeConfig d = RuntimeConfig.ofDefaults();
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("runtime: expected a mapping with fields " + RUNTIME.stream().sorted()
                    .toList());
        }
        unknown(node, RUNTIME, "runtime.");
        int threads;
        int attempts;
        try {
            threads = (int) number(node, "threads", d.threads(), 1, 256);
            attempts = (int) number(node, "maxRemoteAttempts", d.placement().maxRemoteAttempts(), 1, 100);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("runtime." + e.getMessage());
        }
        return new RuntimeConfig(threads, new PlacementRules(attempts), bool(node, "verifyOutputs", d.verifyOutputs()),
                bool(node, "measuredInputs", d.measuredInputs()), bool(node, "learnAvailability",
                d.learnAvailability()));
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("runtime." + field + ": expected true or false, but was '" + v.asText()
                    + "'");
        }
        return v.booleanValue();
    }

    private static DetectorConfig detector(JsonNode node) {
        DetectorConfig d = DetectorConfig.ofDefaults();
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        unknown(node, DETECTOR, "detector.");
        try {
            return new DetectorConfig(
                    millis(node, "heartbeatMillis", d.heartbeatInterval()),
                    millis(node, "heartbeatTimeoutMillis", d.heartbeatTimeout()),
                    number(node, "phiThreshold", d.phiThreshold(), 0, 1000),
                    d.minStdDeviation(),
                    millis(node, "maxSilenceMillis", d.maxSilence()),
                    d.windowSize(),
                    number(node, "deadlineFactor", d.deadlineFactor(), 1, 1000),
                    millis(node, "deadlineSlackMillis", d.deadlineSlack()),
                    d.falseSuspicionWindow(), d.abandonOnSuspicion());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("detector: " + e.getMessage());
        }
    }

    private static Duration millis(JsonNode node, String field, Duration fallback) {
        return Duration.ofMillis((long) number(node, field, fallback.toMillis(), 1, 3_600_000));
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new IllegalArgumentException(prefix + f + ": unknown field; known fields: "
                        + known.stream().sorted().toList());
            }
        });
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(field + ": required");
            }
            return fallback;
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, double fallback, double min, double max) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + ": expected a number, but was '" + v.asText() + "'");
        }
        double x = v.asDouble();
        if (x < min || x > max) {
            throw new IllegalArgumentException(field + ": must be in [" + fmt(min) + "," + fmt(max) + "], but was " + fmt(x));
        }
        return x;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
