package io.edgeoff.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.edgeoff.common.app.AppInstance;
import io.edgeoff.common.app.Application;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.decision.Decision;
import io.edgeoff.decision.DecisionRequest;
import io.edgeoff.decision.OffloadingPolicy;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyContext;
import io.edgeoff.decision.PolicyRegistry;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.external.ExternalPolicySettings;
import io.edgeoff.decision.external.ExternalWire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-call cost of an external policy: one decision of {@code external:URL} against an echo policy served in
 * this JVM by the JDK's HTTP server on loopback (it parses the request and names the first remote site, so the
 * cost is edgeoff's request building, JSON, HTTP over one kept-alive connection and the answer's checks), next to
 * the same decision by the built-in {@code greedy} and {@code mdp}. {@code encodeOnly} is the request's JSON alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExternalPolicyBenchmark {
    private HttpServer server;
    private OffloadingPolicy external;
    private OffloadingPolicy greedy;
    private OffloadingPolicy mdp;
    private DecisionRequest request;
    private CostModel costs;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // TCP_NODELAY on the server's sockets: without it every answer waits ~40 ms for a delayed ACK (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/decide", exchange -> {
            ExternalWire.Request in = ExternalWire.readRequest(exchange.getRequestBody().readAllBytes());
            String site = in.sites().stream().filter(s -> s.link() != null && !s.excluded()).findFirst()
                    .map(ExternalWire.SiteState::id).orElse(in.device().siteId());
            byte[] body = ("{\"site\":\"" + site + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Scenario scenario = ScenarioYaml.load("seed");
        costs = scenario.costModel();
        PolicyRegistry registry = Policies.builtIns().withExternal(new ExternalPolicySettings(Duration.ofSeconds(5),
                "greedy"));
        PolicyContext context = PolicyContext.of(costs, 1);
        external = registry.spec("external:http://127.0.0.1:" + server.getAddress().getPort() + "/decide")
                .create(context);
        greedy = registry.spec("greedy").create(context);
        mdp = registry.spec("mdp").create(context);
        Application chess = scenario.application("CHESS");
        AppInstance app = AppInstance.means(chess);
        int[] placement = new int[app.size()];
        Arrays.fill(placement, -1);
        placement[chess.indexOf("GUI")] = costs.deviceIndex();
        List<SiteOutlook> outlook = new ArrayList<>();
        costs.sites().forEach(s -> outlook.add(s.isRemote() ? SiteOutlook.ofAvailability(0.95) : SiteOutlook.certain()));
        request = new DecisionRequest(app, chess.indexOf("UPDATE_CHESS"), costs.deviceIndex(), placement,
                new boolean[costs.siteCount()], outlook, Optional.empty());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.stop(0);
    }

    @Benchmark
    public Decision externalEcho() {
        return external.decide(request);
    }

    @Benchmark
    public Decision builtInGreedy() {
        return greedy.decide(request);
    }

    @Benchmark
    public Decision builtInMdp() {
        return mdp.decide(request);
    }

    @Benchmark
    public byte[] encodeOnly() {
        return ExternalWire.write(ExternalWire.request("external:bench", request, costs,
                io.edgeoff.common.cost.CostWeights.seed()));
    }
}
