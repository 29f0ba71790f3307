package io.edgeoff.device;

import io.edgeoff.device.client.HealthReply;
import io.edgeoff.device.client.OffloadResult;
import io.edgeoff.siteapi.SiteAvailability;
import io.edgeoff.device.client.SiteClient;
import io.edgeoff.device.client.SiteEndpoint;
import io.edgeoff.siteapi.SiteResources;
import io.edgeoff.siteapi.TaskRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Test client that never answers; subclasses answer the calls a test drives (heartbeats, tasks) by hand. */
public class SilentClient implements SiteClient {
    @Override
    public CompletableFuture<OffloadResult> submit(SiteEndpoint site, TaskRequest task, Duration deadline) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<HealthReply> health(SiteEndpoint site, Duration timeout) {
        return new CompletableFuture<>();
    }

    @Override
    public Optional<SiteResources> resources(SiteEndpoint site, Duration timeout) {
        return Optional.empty();
    }

    @Override
    public Optional<SiteAvailability> availability(SiteEndpoint site, int slots, Duration timeout) {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
