package io.edgeoff.decision.external;

import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A policy that runs outside edgeoff, in any language, behind an HTTP endpoint: every decision POSTs
 * {@link ExternalWire.Request} (JSON, schema {@value ExternalWire#REQUEST_SCHEMA}) and reads
 * {@link ExternalWire.Answer}. The JDK client keeps the HTTP/1.1 connection open between decisions (one
 * {@link Endpoint} per registered URL, shared by the run's instances and threads). Within the decision's time budget
 * the answer is used when it is valid; otherwise the fallback policy decides, and the cause is counted in the
 * endpoint's {@link ExternalPolicyStats}: {@link FallbackCause#LATE} (no answer within the budget),
 * {@link FallbackCause#DOWN} (refused, reset, unreachable), {@link FallbackCause#BAD_STATUS} (not 200),
 * {@link FallbackCause#NONSENSE} (not a valid decision for the request), {@link FallbackCause#SKIPPED} (not asked: it was
 * late or down on its last calls, {@link CallGate}). A decision never throws because of the external policy. One instance per run and thread, like every policy.
 */
public final class ExternalPolicy implements OffloadingPolicy {
    /** Registry names of external policies start with this, followed by the URL. */
    public static final String PREFIX = "external:";

    private final String name;
    private final Endpoint endpoint;
    private final OffloadingPolicy fallback;
    private final CostModel costModel;
    private final CostWeights weights;

    /**
     * @param name       the registry name ({@code external:URL})
     * @param endpoint   where and how to call it, with its counters
     * @param fallback   a fresh instance of the fallback policy for this run
     * @param costModel  the run's cost model (sites, network, device power)
     * @param weights    the run's weights of time and energy (sent to the policy)
     */
    public ExternalPolicy(String name, Endpoint endpoint, OffloadingPolicy fallback, CostModel costModel,
                          CostWeights weights) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(DecisionRequest request) {
        if (!endpoint.gate().tryAcquire()) {
            return fallBack(request, FallbackCause.SKIPPED, "late or down on " + CallGate.THRESHOLD
                    + " calls in a row; one trial call per " + CallGate.COOL_DOWN.toMillis() + " ms");
        }
        HttpResponse<byte[]> response;
        try {
            byte[] body = ExternalWire.write(ExternalWire.request(name, request, costModel, weights));
            HttpRequest http = HttpRequest.newBuilder(endpoint.uri()).timeout(endpoint.budget())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            response = endpoint.client().send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            return fallBack(request, FallbackCause.LATE, "no connection within " + endpoint.budget().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return fallBack(request, FallbackCause.LATE, "no answer within " + endpoint.budget().toMillis() + " ms");
        } catch (ConnectException e) {
            return fallBack(request, FallbackCause.DOWN, "connection refused");
        } catch (IOException e) {
            return fallBack(request, FallbackCause.DOWN, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + ExternalWire.abbreviate(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallBack(request, FallbackCause.LATE, "interrupted while waiting for the answer");
        } catch (RuntimeException e) {
            // never a crash because of the external policy; the report shows what it was
            return fallBack(request, FallbackCause.DOWN, "could not call it: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + ExternalWire.abbreviate(e.getMessage())));
        }
        endpoint.gate().answered();
        if (response.statusCode() != 200) {
            return fallBack(request, FallbackCause.BAD_STATUS, "HTTP " + response.statusCode() + ": "
                    + ExternalWire.abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
        }
        try {
            ExternalWire.Answer answer = ExternalWire.readAnswer(response.body());
            int site = ExternalWire.siteIndex(answer, request, costModel);
            endpoint.stats().answered();
            return new Decision(site, orNaN(answer.expectedTimeSeconds()), orNaN(answer.expectedEnergyJoules()));
        } catch (ExternalWire.NonsenseException e) {
            return fallBack(request, FallbackCause.NONSENSE, e.getMessage());
        }
    }

    private Decision fallBack(DecisionRequest request, FallbackCause cause, String reason) {
        if (cause == FallbackCause.LATE || cause == FallbackCause.DOWN) {
            endpoint.gate().failed();
        }
        endpoint.stats().fellBack(cause, reason);
        return fallback.decide(request);
    }

    private static double orNaN(Double value) {
        return value == null || !Double.isFinite(value) ? Double.NaN : value;
    }

    /**
     * One external policy's address, time budget, HTTP client (created on first use, shared by every instance and
     * thread; it keeps connections open) and counters.
     */
    public static final class Endpoint {
        private final URI uri;
        private final Duration budget;
        private final ExternalPolicyStats stats = new ExternalPolicyStats();
        private final CallGate gate;
        private volatile HttpClient client;

        public Endpoint(URI uri, Duration budget) {
            this(uri, budget, System::nanoTime);
        }

        /** @param nanoTime monotonic clock of the gate that stops calling a policy that is late or down */
        Endpoint(URI uri, Duration budget, java.util.function.LongSupplier nanoTime) {
            this.uri = Objects.requireNonNull(uri, "uri");
            this.budget = Objects.requireNonNull(budget, "budget");
            this.gate = new CallGate(nanoTime, CallGate.COOL_DOWN);
        }

        /**
         * @param url  an absolute {@code http://} or {@code https://} URL with a host
         * @throws IllegalArgumentException naming the URL otherwise
         */
        public static URI parse(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("external policy URL '" + url + "' is not a valid URL: "
                        + e.getMessage());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("external policy URL must be http://HOST:PORT/PATH (or https), but was '"
                        + url + "'");
            }
            return uri;
        }

        public URI uri() {
            return uri;
        }

        public Duration budget() {
            return budget;
        }

        public ExternalPolicyStats stats() {
            return stats;
        }

        CallGate gate() {
            return gate;
        }

        HttpClient client() {
            HttpClient c = client;
            if (c == null) {
                synchronized (this) {
                    c = client;
                    if (c == null) {
                        c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(budget)
                                .followRedirects(HttpClient.Redirect.NEVER).build();
                        client = c;
                    }
                }
            }
            return c;
        }
    }
}
