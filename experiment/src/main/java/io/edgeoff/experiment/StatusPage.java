package io.edgeoff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeoff.device.detector.FailureDetector;
import io.edgeoff.device.monitor.ResourceMonitor;
import io.edgeoff.device.monitor.SiteView;
import io.edgeoff.device.runtime.InMemoryOutcomeSink;
import io.edgeoff.device.runtime.TaskOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small live page served by the device while it runs (127.0.0.1 only): every site with its suspicion,
 * phi, predicted availability and round trip, the latest task decisions, and failures. {@code /} is the
 * page (it polls {@code /status.json} twice a second), {@code /status.json} the data.
 */
final class StatusPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the page shows; set once the run has started.
     *
     * @param timeline  the run's timeline (drawn per site at {@code /timeline/<site>.png}), or null
     * @param policies  the run's policies (the timeline's rows)
     * @param siteIds   the remote sites (one timeline each)
     */
    record Live(FailureDetector detector, ResourceMonitor monitor, InMemoryOutcomeSink outcomes, Timeline timeline,
                List<String> policies, List<String> siteIds) {
        Live(FailureDetector detector, ResourceMonitor monitor, InMemoryOutcomeSink outcomes) {
            this(detector, monitor, outcomes, null, List.of(), List.of());
        }
    }

    private final HttpServer server;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private volatile String progress = "starting";

    StatusPage(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the status page on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/status.json", ex -> send(ex, "application/json", status()));
        server.createContext("/timeline/", this::timeline);
        server.createContext("/", ex -> send(ex, "text/html; charset=utf-8", PAGE));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void live(Live value) {
        live.set(value);
    }

    void progress(String text) {
        progress = text;
    }

    String status() {
        ObjectNode root = JSON.createObjectNode();
        root.put("progress", progress);
        ArrayNode timelines = root.putArray("timelines");
        ArrayNode sites = root.putArray("sites");
        ArrayNode tasks = root.putArray("tasks");
        Live l = live.get();
        if (l != null) {
            if (l.timeline() != null) {
                l.siteIds().forEach(id -> timelines.add("/timeline/" + id + ".png"));
            }
            for (SiteView v : l.monitor().views()) {
                double phi = l.detector().phi(v.siteId());
                sites.addObject().put("site", v.siteId()).put("suspected", l.detector().isSuspected(v.siteId()))
                        .put("phi", Double.isFinite(phi) ? phi : 99.0)
                        .put("predictedAvailability", v.predictedAvailability())
                        .put("roundTripMillis", Double.isNaN(v.roundTripMillis()) ? -1 : v.roundTripMillis())
                        .put("failures", l.detector().stats().failuresPerSite().getOrDefault(v.siteId(), 0));
            }
            List<TaskOutcome> all = l.outcomes().tasks();
            for (TaskOutcome t : all.subList(Math.max(0, all.size() - 15), all.size())) {
                ObjectNode n = tasks.addObject().put("policy", t.policy()).put("execution", t.execution())
                        .put("task", t.application() + "/" + t.taskName()).put("site", t.siteId())
                        .put("millis", Math.round(t.seconds() * 1000));
                n.put("failed", String.join(" ", t.attempts().stream().filter(a -> !a.succeeded())
                        .map(a -> a.siteId() + ":" + a.failure()).toList()));
                // the inputs the final attempt's decision planned with: per site latency, bandwidth, queue, source
                n.put("plannedWith", t.attempts().isEmpty() ? ""
                        : t.attempts().get(t.attempts().size() - 1).inputs().describe());
            }
            root.put("failedAttempts", all.stream().mapToLong(t -> t.attempts().stream()
                    .filter(a -> !a.succeeded()).count()).sum());
        }
        return root.toString();
    }

    /** {@code /timeline/<site>.png}: the site's timeline so far, the report's chart. */
    private void timeline(HttpExchange ex) throws IOException {
        Live l = live.get();
        String name = ex.getRequestURI().getPath().substring("/timeline/".length());
        String site = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        if (l == null || l.timeline() == null || !l.siteIds().contains(site)) {
            byte[] none = ("no timeline of '" + site + "'").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, none.length);
            ex.getResponseBody().write(none);
            ex.close();
            return;
        }
        send(ex, "image/png", TimelineChart.png(l.timeline().snapshot(), site, l.policies()));
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        send(ex, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>edgeoff device</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}
            td,th{border:1px solid #ccc;padding:.25em .6em}th{background:#eee}.down{background:#f8d0d0}
            .up{background:#d8f0d8}</style></head><body>
            <h1>edgeoff device</h1><p id="progress">loading</p>
            <h2>Sites</h2><table><thead><tr><th>site</th><th>state</th><th>phi</th><th>predicted availability</th>
            <th>round trip ms</th><th>failures</th></tr></thead><tbody id="sites"></tbody></table>
            <h2>Latest decisions</h2><p>failed attempts so far: <span id="failed">0</span></p>
            <table><thead><tr><th>policy</th><th>execution</th><th>task</th><th>ran on</th><th>ms</th>
            <th>failed attempts</th><th>planned with</th></tr></thead><tbody id="tasks"></tbody></table>
            <h2>Timeline per site</h2><p>outages (shaded), each policy's attempts (dots) and failed attempts (red x);
            redrawn every 2 s</p><div id="timelines"></div>
            <script>
            function cell(tr, text) { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); }
            async function refresh() {
              try {
                const s = await (await fetch('/status.json')).json();
                document.getElementById('progress').textContent = s.progress;
                document.getElementById('failed').textContent = s.failedAttempts ?? 0;
                const sites = document.getElementById('sites'); sites.replaceChildren();
                for (const x of s.sites) {
                  const tr = document.createElement('tr'); tr.className = x.suspected ? 'down' : 'up';
                  cell(tr, x.site); cell(tr, x.suspected ? 'SUSPECTED' : 'up'); cell(tr, x.phi.toFixed(2));
                  cell(tr, x.predictedAvailability.toFixed(3)); cell(tr, x.roundTripMillis.toFixed(1));
                  cell(tr, x.failures); sites.appendChild(tr);
                }
                const tasks = document.getElementById('tasks'); tasks.replaceChildren();
                for (const t of s.tasks.slice().reverse()) {
                  const tr = document.createElement('tr');
                  cell(tr, t.policy); cell(tr, t.execution); cell(tr, t.task); cell(tr, t.site); cell(tr, t.millis);
                  cell(tr, t.failed); cell(tr, t.plannedWith ?? ''); tasks.appendChild(tr);
                }
                const box = document.getElementById('timelines');
                if (box.children.length !== (s.timelines || []).length) {
                  box.replaceChildren();
                  for (const src of s.timelines || []) {
                    const img = document.createElement('img'); img.dataset.src = src; img.width = 900; img.alt = src;
                    box.appendChild(img);
                  }
                }
              } catch (e) { document.getElementById('progress').textContent = 'device not reachable'; }
            }
            function redraw() {
              for (const img of document.querySelectorAll('#timelines img')) { img.src = img.dataset.src + '?t=' + Date.now(); }
            }
            refresh(); setInterval(refresh, 500); setInterval(redraw, 2000); setTimeout(redraw, 700);
            </script></body></html>
            """;
}
