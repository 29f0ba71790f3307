package io.edgeoff.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small HTTP server on 127.0.0.1:0 standing in for an offloading site behind the proxy. It
 * echoes what reached it (path with query, bearer token, body size) and can be switched to
 * answer like a site in an outage: {@code HANG} (accepts, never answers) or {@code ERROR}
 * (503 + Retry-After + the sites' JSON error body).
 */
final class StandInSite implements AutoCloseable {

    enum Mode { OK, HANG, ERROR }

    static final String ERROR_BODY = "{\"code\":\"OUTAGE\",\"message\":\"injected outage (error mode)\"}";

    private final String siteId;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final CountDownLatch release = new CountDownLatch(1);

    StandInSite(String siteId) {
        this.siteId = siteId;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void mode(Mode m) {
        mode.set(m);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (mode.get()) {
                case HANG -> awaitRelease();
                case ERROR -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.getResponseHeaders().add("Retry-After", "2");
                    send(exchange, 503, ERROR_BODY);
                }
                case OK -> {
                    String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    send(exchange, 200, "{\"siteId\":\"" + siteId + "\",\"method\":\"" + exchange.getRequestMethod()
                            + "\",\"uri\":\"" + exchange.getRequestURI() + "\",\"authorization\":\"" + auth
                            + "\",\"bodyBytes\":" + body.length + "}");
                }
            }
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);   // bounded: a hung request never outlives the test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
