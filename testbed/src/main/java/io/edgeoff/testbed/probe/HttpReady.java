package io.edgeoff.testbed.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits, from inside a namespace, until each URL answers HTTP 200 (a site's {@code /v1/health}).
 * Arguments: {@code timeoutSeconds url...}. Prints {@code READY url} or {@code TIMEOUT url} per URL.
 */
public final class HttpReady {
    private HttpReady() {
    }

    public static void main(String[] args) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 1; i < args.length; i++) {
            String url = args[i];
            boolean ready = false;
            while (!ready && System.nanoTime() < deadline) {
                try {
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    ready = r.statusCode() == 200;
                } catch (IOException e) {
                    // not up yet
                }
                if (!ready) {
                    Thread.sleep(200);
                }
            }
            System.out.println((ready ? "READY " : "TIMEOUT ") + url);
            System.out.flush();
        }
    }
}
