package io.edgeoff.device.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.siteapi.ApiError;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.siteapi.SiteHealth;
import io.edgeoff.siteapi.SiteResources;
import io.edgeoff.siteapi.TaskReply;
import io.edgeoff.siteapi.TaskRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link SiteClient} over {@link HttpClient} (HTTP/1.1): bodies are the wire contract's records
 * ({@code io.edgeoff.siteapi}), written and read by Jackson; an answer that does not read as its
 * record counts as a server error. Classifies failures:
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
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(task);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(new OffloadResult.Failed(FailureKind.REJECTED,
                    "task could not be written: " + e.getOriginalMessage()));
        }
        HttpRequest request = HttpRequest.newBuilder(site.resolve("tasks"))
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + site.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
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
            String error = errorText(response);
            boolean handler = status == 422 || status == 400 && error.startsWith("UNKNOWN_HANDLER:");
            return new OffloadResult.Failed(handler ? FailureKind.HANDLER_FAILED : FailureKind.REJECTED,
                    "HTTP " + status + " " + error);
        }
        try {
            return new OffloadResult.Completed(JSON.readValue(response.body(), TaskReply.class));
        } catch (IOException e) {
            return new OffloadResult.Failed(FailureKind.SERVER_ERROR, "unreadable task reply: " + problem(e));
        }
    }

    /** The {@code code: message} of an error answer, or "" when it is not the contract's error body. */
    private static String errorText(HttpResponse<byte[]> response) {
        try {
            ApiError error = JSON.readValue(response.body(), ApiError.class);
            return error.code() + ": " + error.message();
        } catch (IOException e) {
            return "";
        }
    }

    /** What was wrong with an answer: the record's complaint (naming the field) or Jackson's. */
    private static String problem(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException invalid) {
                return invalid.getMessage();
            }
        }
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
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
            if (response.statusCode() != 200) {
                return HealthReply.ofFailure(response.statusCode() >= 500 ? FailureKind.SERVER_ERROR
                        : FailureKind.REJECTED, "HTTP " + response.statusCode());
            }
            try {
                SiteHealth health = JSON.readValue(response.body(), SiteHealth.class);
                return health.ready() ? HealthReply.ofUp()
                        : HealthReply.ofFailure(FailureKind.SERVER_ERROR, "site reports " + health.status());
            } catch (IOException e) {
                return HealthReply.ofFailure(FailureKind.SERVER_ERROR, "unreadable health answer: " + problem(e));
            }
        });
    }

    @Override
    public Optional<SiteResources> resources(SiteEndpoint site, Duration timeout) {
        return getJson(site, "resources", timeout, SiteResources.class);
    }

    @Override
    public Optional<SiteAvailability> availability(SiteEndpoint site, int slots, Duration timeout) {
        return getJson(site, "availability?slots=" + slots, timeout, SiteAvailability.class);
    }

    @Override
    public Optional<SiteAvailability> availability(SiteEndpoint site, int slots, String predictor, Duration timeout) {
        return getJson(site, "availability?slots=" + slots + "&predictor="
                + java.net.URLEncoder.encode(predictor, java.nio.charset.StandardCharsets.UTF_8), timeout,
                SiteAvailability.class);
    }

    /** The answer to a GET as its record, or empty when the site does not answer 200 in time with a readable one. */
    private <T> Optional<T> getJson(SiteEndpoint site, String path, Duration timeout, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(site.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + site.token()).GET().build();
        try {
            HttpResponse<byte[]> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(response.body(), type));
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
