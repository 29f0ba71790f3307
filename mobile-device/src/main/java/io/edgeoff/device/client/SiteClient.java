package io.edgeoff.device.client;

import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.siteapi.SiteResources;
import io.edgeoff.siteapi.TaskRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The device's view of the site API (bodies are the records of {@code io.edgeoff.siteapi}). Every call is bounded by a timeout and never throws for a site
 * failure: failures are values. Implementations are thread-safe.
 */
public interface SiteClient extends AutoCloseable {

    /**
     * Sends a task. The future completes with {@link OffloadResult.Completed} or {@link OffloadResult.Failed}
     * (never exceptionally, except when cancelled by the caller).
     */
    CompletableFuture<OffloadResult> submit(SiteEndpoint site, TaskRequest task, Duration deadline);

    /** One heartbeat. */
    CompletableFuture<HealthReply> health(SiteEndpoint site, Duration timeout);

    /** The site's resources, or empty when it does not answer in time. */
    Optional<SiteResources> resources(SiteEndpoint site, Duration timeout);

    /** The site's availability forecast for {@code slots} slots, or empty when it does not answer in time. */
    Optional<SiteAvailability> availability(SiteEndpoint site, int slots, Duration timeout);

    /**
     * The forecast of the site's model {@code predictor} ({@code ?predictor=NAME}), or empty when it does not answer
     * in time or does not serve that model. By default: the site's default model (a client without the parameter).
     */
    default Optional<SiteAvailability> availability(SiteEndpoint site, int slots, String predictor, Duration timeout) {
        return availability(site, slots, timeout);
    }

    @Override
    void close();
}
