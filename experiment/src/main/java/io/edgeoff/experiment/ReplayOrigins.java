package io.edgeoff.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.site.failure.Details;
import io.edgeoff.siteapi.FailureEvent;
import io.edgeoff.siteapi.FailureEvents;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where each site's failure-trace replay started in wall time: the {@code REPLAY_STARTED} record of its failure file
 * ({@code originEpochMillis}), read from {@code GET /v1/admin/failure-events}. With it the trace's outages become
 * wall-clock intervals on the run's {@link Timeline}.
 */
final class ReplayOrigins {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayOrigins() {
    }

    /**
     * Adds every site's scheduled outages to {@code timeline} at the wall time its replay puts them; a site whose
     * origin cannot be read is left out with a warning.
     */
    static void addOutages(Timeline timeline, List<SiteEndpoint> endpoints,
                           Map<String, List<DemoOutages.ScheduledOutage>> outages, DemoTimeScale scale,
                           Consumer<String> log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (SiteEndpoint endpoint : endpoints) {
            List<DemoOutages.ScheduledOutage> list = outages.get(endpoint.siteId());
            if (list == null || list.isEmpty()) {
                continue;
            }
            Optional<Instant> origin = origin(client, endpoint);
            if (origin.isEmpty()) {
                log.accept("warning: no replay origin of site " + endpoint.siteId() + "; its outages are not drawn");
                continue;
            }
            double zero = timeline.secondsOf(origin.get());
            for (DemoOutages.ScheduledOutage o : list) {
                timeline.outage(endpoint.siteId(), zero + scale.wallSeconds(o.startTraceSeconds()),
                        zero + scale.wallSeconds(o.endTraceSeconds()), o.mode());
            }
        }
    }

    /** The site's replay origin, or empty when it cannot be read (the site is down, or replays nothing). */
    static Optional<Instant> origin(HttpClient client, SiteEndpoint endpoint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(
                        endpoint.resolve("admin/failure-events") + "?limit=100000"))
                        .header("Authorization", "Bearer " + endpoint.token()).timeout(Duration.ofSeconds(3)).GET()
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return originIn(JSON.readValue(response.body(), FailureEvents.class));
                }
            } catch (IOException | RuntimeException e) {
                // a site in an outage: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The origin recorded by the last {@code REPLAY_STARTED} event. */
    static Optional<Instant> originIn(FailureEvents events) {
        List<FailureEvent> list = events.events();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).type().equals("REPLAY_STARTED")) {
                String millis = Details.parse(list.get(i).detail()).get("originEpochMillis");
                try {
                    return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
