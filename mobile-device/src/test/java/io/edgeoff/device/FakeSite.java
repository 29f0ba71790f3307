package io.edgeoff.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.ApiError;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.siteapi.SiteHealth;
import io.edgeoff.siteapi.SiteResources;
import io.edgeoff.siteapi.TaskReply;
import io.edgeoff.siteapi.TaskRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test scaffolding: a tiny stand-in for an offloading site speaking the site API contract (its bodies are
 * the records of {@code io.edgeoff.siteapi}), on 127.0.0.1
 * and port 0. Tasks answer the shared compute kernel's output (without pacing beyond MI / MIPS). Modes:
 * {@code UP}, {@code ERROR} (503 everywhere), {@code HANG} (accepts, never answers), {@code REJECT_TASKS}
 * (tasks 401), {@code WRONG_OUTPUT} (one flipped bit in every output); {@link #crash()} closes the listener and every connection.
 */
public final class FakeSite implements AutoCloseable {
    public enum Mode { UP, ERROR, HANG, REJECT_TASKS, WRONG_OUTPUT }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String siteId;
    private final double mips;
    private final double availability;
    private final HttpServer server;
    private final CountDownLatch hang = new CountDownLatch(1);
    private volatile Mode mode = Mode.UP;
    private volatile long taskDelayMillis;
    private final AtomicInteger tasks = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Map<String, Integer> executionsPerKey = new ConcurrentHashMap<>();

    public FakeSite(String siteId, double mips, double availability) throws IOException {
        this.siteId = siteId;
        this.mips = mips;
        this.availability = availability;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-site-" + siteId);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/tasks", this::task);
        server.createContext("/v1/health", ex -> answer(ex, SiteHealth.up(siteId)));
        server.createContext("/v1/resources", ex -> answer(ex, new SiteResources(siteId, mips, 4, 8, 150, 0, 0)));
        server.createContext("/v1/availability", ex -> answer(ex, new SiteAvailability(siteId, "fake", 1,
                List.of(availability), 100, 5, Map.of())));
        server.start();
    }

    public SiteEndpoint endpoint() {
        return new SiteEndpoint(siteId, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "secret");
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Each task takes at least this long on top of its MI / MIPS. */
    public void taskDelayMillis(long millis) {
        this.taskDelayMillis = millis;
    }

    public int tasks() {
        return tasks.get();
    }

    public int maxConcurrentTasks() {
        return maxRunning.get();
    }

    public Map<String, Integer> executionsPerKey() {
        return Map.copyOf(executionsPerKey);
    }

    /** Like a killed process: the port closes and every open connection breaks. */
    public void crash() {
        hang.countDown();
        server.stop(0);
    }

    @Override
    public void close() {
        crash();
    }

    private boolean outage(HttpExchange ex) throws IOException {
        if (mode == Mode.HANG) {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return true;
        }
        if (mode == Mode.ERROR) {
            send(ex, 503, new ApiError("UNAVAILABLE", "injected error outage"));
            return true;
        }
        return false;
    }

    private void answer(HttpExchange ex, Record body) throws IOException {
        if (!outage(ex)) {
            send(ex, 200, body);
        }
    }

    private void task(HttpExchange ex) throws IOException {
        if (outage(ex)) {
            return;
        }
        if (mode == Mode.REJECT_TASKS || !"Bearer secret".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, new ApiError("UNAUTHORIZED", "bad token"));
            return;
        }
        TaskRequest task = JSON.readValue(ex.getRequestBody(), TaskRequest.class);
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            String key = task.idempotencyKey();
            executionsPerKey.merge(key, 1, Integer::sum);
            tasks.incrementAndGet();
            double seconds = task.millionInstructions() / mips;
            long sleep = (long) (seconds * 1000) + taskDelayMillis;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
            byte[] out = io.edgeoff.common.compute.ComputeKernel.expectedOutput(task.kind(),
                    task.millionInstructions(), task.input(), (int) Math.round(task.outKB() * 1024));
            if (mode == Mode.WRONG_OUTPUT && out.length > 0) {
                out[0] ^= 1;
            }
            send(ex, 200, new TaskReply(key, siteId, out, 0.0, seconds * 1000, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
    }

    private static void send(HttpExchange ex, int status, Record body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 503) {
            ex.getResponseHeaders().set("Retry-After", "1");
        }
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
