package io.edgeoff.decision.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeoff.common.cost.PlanningInputs;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.PolicySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ExternalPolicy} against a real HTTP server on loopback (the JDK's), answering as each test tells it: a valid
 * answer is used, and a late, down, failing or nonsense policy leaves the decision to the fallback, counted by cause.
 */
class ExternalPolicyTest {
    private final Scenario scenario = ScenarioYaml.load("seed");
    private final DecisionRequest request = ExternalWireTest.request(scenario, PlanningInputs.none());
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a server whose answer to each request is {@code answer} (status, body); returns its URL. */
    private String serve(Function<byte[], Map.Entry<Integer, String>> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/decide", exchange -> respond(exchange, answer));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/decide";
    }

    private void respond(HttpExchange exchange, Function<byte[], Map.Entry<Integer, String>> answer) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        Map.Entry<Integer, String> reply = answer.apply(exchange.getRequestBody().readAllBytes());
        byte[] body = reply.getValue().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.getKey(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static PolicyRegistry registry(Duration budget) {
        return Policies.builtIns().withExternal(new ExternalPolicySettings(budget, "local"));
    }

    private OffloadingPolicy policy(PolicyRegistry registry, String url) {
        PolicySpec spec = registry.spec("external:" + url);
        return spec.create(PolicyContext.of(scenario.costModel(), 1));
    }

    @Test
    void aValidAnswerIsTheDecisionAndTheConnectionIsKeptOpen() throws IOException {
        String url = serve(body -> Map.entry(200, "{\"site\":\"ED\",\"expectedTimeSeconds\":0.25}"));
        PolicyRegistry registry = registry(Duration.ofSeconds(30));
        OffloadingPolicy policy = policy(registry, url);

        Decision first = policy.decide(request);
        for (int i = 0; i < 19; i++) {
            policy.decide(request);
        }

        assertThat(first.siteIndex()).isEqualTo(scenario.siteIndex("ED"));
        assertThat(first.expectedTimeSeconds()).isEqualTo(0.25);
        assertThat(first.expectedEnergyJoules()).isNaN();
        assertThat(clientPorts).as("one persistent connection for 20 decisions").hasSize(1);
        ExternalPolicyStats.Report report = registry.externalReport("external:" + url).orElseThrow();
        assertThat(report.decisions()).isEqualTo(20);
        assertThat(report.answered()).isEqualTo(20);
        assertThat(report.fallbackTotal()).isZero();
    }

    @Test
    void theServerReceivesTheVersionedRequest() throws IOException {
        List<ExternalWire.Request> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        String url = serve(body -> {
            try {
                seen.add(ExternalWire.readRequest(body));
            } catch (IOException e) {
                return Map.entry(400, "{\"error\":\"" + e.getMessage() + "\"}");
            }
            return Map.entry(200, "{\"siteIndex\":0}");
        });

        Decision decision = policy(registry(Duration.ofSeconds(30)), url).decide(request);

        assertThat(decision.siteIndex()).isZero();
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.schema()).isEqualTo(ExternalWire.REQUEST_SCHEMA);
            assertThat(r.policy()).isEqualTo("external:" + url);
            assertThat(r.taskIndex()).isEqualTo(request.taskIndex());
            assertThat(r.sites()).hasSize(scenario.sites().size());
        });
    }

    @Test
    void aLateAnswerIsNotAwaitedAndTheFallbackDecides() throws IOException {
        String url = serve(body -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.entry(200, "{\"site\":\"ED\"}");
        });
        PolicyRegistry registry = registry(Duration.ofMillis(100));

        Decision decision = policy(registry, url).decide(request);

        assertThat(decision.siteIndex()).as("local's choice").isEqualTo(scenario.siteIndex("MD"));
        ExternalPolicyStats.Report report = registry.externalReport("external:" + url).orElseThrow();
        assertThat(report.fallbacks()).containsEntry(FallbackCause.LATE, 1L);
        // on a loaded machine the connection itself may take longer than the budget: late either way
        assertThat(report.firstReasons().get(FallbackCause.LATE)).matches("no (answer|connection) within 100 ms");
    }

    @Test
    void aPolicyThatIsDownLeavesEveryDecisionToTheFallback() throws IOException {
        String url = serve(body -> Map.entry(200, "{\"site\":\"ED\"}"));
        server.stop(0);
        server = null;
        PolicyRegistry registry = registry(Duration.ofSeconds(30));
        OffloadingPolicy policy = policy(registry, url);

        Decision first = policy.decide(request);
        Decision second = policy.decide(request);

        assertThat(List.of(first.siteIndex(), second.siteIndex())).containsOnly(scenario.siteIndex("MD"));
        ExternalPolicyStats.Report report = registry.externalReport("external:" + url).orElseThrow();
        assertThat(report.fallbacks()).containsEntry(FallbackCause.DOWN, 2L);
        assertThat(report.answered()).isZero();
        assertThat(report.describe()).startsWith("external:" + url + ": 2 decisions, 0 answered, 2 by the fallback "
                + "local (late 0, down 2, bad-status 0, nonsense 0, skipped 0); first down: ");
    }

    @Test
    void aPolicyThatKeepsHangingIsNoLongerAskedUntilItsCoolDownHasPassed() throws IOException {
        String url = serve(body -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.entry(200, "{\"site\":\"ED\"}");
        });
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        ExternalPolicy.Endpoint endpoint = new ExternalPolicy.Endpoint(java.net.URI.create(url), Duration.ofMillis(50),
                nanos::get);
        OffloadingPolicy policy = new ExternalPolicy("external:" + url, endpoint,
                Policies.create("local", PolicyContext.of(scenario.costModel(), 1)), scenario.costModel(),
                io.edgeoff.common.cost.CostWeights.seed());

        for (int i = 0; i < 20; i++) {
            policy.decide(request);
        }
        nanos.addAndGet(CallGate.COOL_DOWN.toNanos());
        policy.decide(request);

        ExternalPolicyStats.Report report = endpoint.stats().snapshot("external:" + url, "local");
        assertThat(report.fallbacks()).containsEntry(FallbackCause.LATE, (long) CallGate.THRESHOLD + 1)
                .containsEntry(FallbackCause.SKIPPED, 20L - CallGate.THRESHOLD);
        assertThat(report.firstReasons().get(FallbackCause.SKIPPED)).isEqualTo("late or down on 5 calls in a row; "
                + "one trial call per 1000 ms");
    }

    @Test
    void nonsenseAndErrorStatusesAreCountedByCause() throws IOException {
        List<Map.Entry<Integer, String>> answers = List.of(Map.entry(200, "{\"site\":\"EC\"}"),
                Map.entry(200, "<html>"), Map.entry(500, "{\"error\":\"boom\"}"), Map.entry(200, "{\"site\":\"CD\"}"));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        String url = serve(body -> answers.get(next.getAndIncrement()));
        PolicyRegistry registry = registry(Duration.ofSeconds(30));
        OffloadingPolicy policy = policy(registry, url);

        List<Integer> sites = java.util.stream.IntStream.range(0, answers.size())
                .mapToObj(i -> policy.decide(request).siteIndex()).toList();

        assertThat(sites).containsExactly(0, 0, 0, scenario.siteIndex("CD"));
        ExternalPolicyStats.Report report = registry.externalReport("external:" + url).orElseThrow();
        assertThat(report.fallbacks()).containsEntry(FallbackCause.NONSENSE, 2L).containsEntry(FallbackCause.BAD_STATUS, 1L)
                .containsEntry(FallbackCause.LATE, 0L).containsEntry(FallbackCause.DOWN, 0L)
                .containsEntry(FallbackCause.SKIPPED, 0L);
        assertThat(report.firstReasons()).containsEntry(FallbackCause.NONSENSE, "site EC is excluded for this task")
                .containsEntry(FallbackCause.BAD_STATUS, "HTTP 500: {\"error\":\"boom\"}");
        assertThat(report.answered()).isEqualTo(1);
    }
}
