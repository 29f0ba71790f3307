package io.edgeoff.device.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link SiteClient} over {@link HttpClient} (HTTP/1.1, JSON with Jackson). Classifies failures:
 * connection refused, deadline exceeded, connection lost, 5xx, 4xx (see {@link FailureKind}).
 * Thread-safe; {@link #close()} stops its I/O threads.
 */
public final class HttpSiteClient implements SiteClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService executor;
    private final HttpClient http;

    /** A client whose connection attempts give up after {@code connectTimeout}. */
    public HttpSiteClient(Duration connectTimeout) {
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "edgeoff-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    public HttpSiteClient() {
        this(Duration.ofSeconds(1));
    }

    @Override
    public CompletableFuture<OffloadResult> submit(SiteEndpoint site, TaskRequest task, Duration deadline) {
        ObjectNode body = JSON.createObjectNode()
                .put("idempotencyKey", task.idempotencyKey())
                .put("taskName", task.taskName())
                .put("kind", task.kind())
                .put("millionInstructions", task.millionInstructions())
                .put("outKB", task.outKB())
                .put("inputBase64", Base64.getEncoder().encodeToString(task.input()));
        HttpRequest request = HttpRequest.newBuilder(site.resolve("tasks"))
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + site.token())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> error != null ? failed(error) : taskResult(response));
    }

    private static OffloadResult taskResult(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return new OffloadResult.Failed(FailureKind.SERVER_ERROR, "HTTP " + status + " " + errorText(response));
        }
        if (status != 200) {
            return new OffloadResult.Failed(FailureKind.REJECTED, "HTTP " + status + " " + errorText(response));
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return new OffloadResult.Completed(new TaskReply(
                    json.path("idempotencyKey").asText(),
                    json.path("siteId").asText(),
                    Base64.getDecoder().decode(json.path("outputBase64").asText("")),
                    json.path("queueWaitMillis").asDouble(0),
                    json.path("executionMillis").asDouble(0),
                    json.path("replayed").asBoolean(false)));
        } catch (IOException | IllegalArgumentException e) {
            return new OffloadResult.Failed(FailureKind.SERVER_ERROR, "unreadable task reply: " + e.getMessage());
        }
    }

    private static String errorText(HttpResponse<byte[]> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.path("code").asText("") + ": " + json.path("message").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static OffloadResult.Failed failed(Throwable error) {
        return new OffloadResult.Failed(classify(error), describe(error));
    }

    /** Maps an exception of the HTTP client to how the failure shows. */
    static FailureKind classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException) {
                return FailureKind.TIMEOUT;
            }
            if (t instanceof ConnectException) {
                return FailureKind.REFUSED;
            }
        }
        return FailureKind.CONNECTION_LOST;
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    public CompletableFuture<HealthReply> health(SiteEndpoint site, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(site.resolve("health")).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, error) -> {
            if (error != null) {
                return HealthReply.ofFailure(classify(error), describe(error));
            }
            if (response.statusCode() == 200) {
                return HealthReply.ofUp();
            }
            return HealthReply.ofFailure(response.statusCode() >= 500 ? FailureKind.SERVER_ERROR : FailureKind.REJECTED,
                    "HTTP " + response.statusCode());
        });
    }

    @Override
    public Optional<SiteResources> resources(SiteEndpoint site, Duration timeout) {
        return getJson(site, "resources", timeout).map(json -> new SiteResources(
                json.path("siteId").asText(site.siteId()),
                json.path("mips").asDouble(0),
                json.path("cores").asInt(1),
                json.path("memoryGB").asDouble(0),
                json.path("storageGB").asDouble(0),
                json.path("queueLength").asInt(0),
                json.path("recentThroughputMips").asDouble(0)));
    }

    @Override
    public Optional<SiteAvailability> availability(SiteEndpoint site, int slots, Duration timeout) {
        return getJson(site, "availability?slots=" + slots, timeout).map(json -> {
            List<Double> forecast = new ArrayList<>();
            json.path("forecast").forEach(v -> forecast.add(v.asDouble()));
            double mtbf = hoursOrInfinity(json.path("mtbfHours"));
            return new SiteAvailability(json.path("siteId").asText(site.siteId()),
                    json.path("predictor").asText(""),
                    json.path("slotSeconds").asDouble(0),
                    forecast,
                    mtbf > 0 ? mtbf : Double.POSITIVE_INFINITY,
                    Math.max(0, hoursOrInfinity(json.path("hoursSinceLastFailure"))));
        });
    }

    /** A site sends null (or nothing) for "no failure observed": an infinite MTBF or time since the last failure. */
    private static double hoursOrInfinity(JsonNode value) {
        return value.isNumber() ? value.asDouble() : Double.POSITIVE_INFINITY;
    }

    private Optional<JsonNode> getJson(SiteEndpoint site, String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(site.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + site.token()).GET().build();
        try {
            HttpResponse<byte[]> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
