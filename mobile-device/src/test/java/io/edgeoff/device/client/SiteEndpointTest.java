package io.edgeoff.device.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SiteEndpointTest {

    @Test
    void theApiLivesUnderV1BelowAnyProxyPrefix() {
        SiteEndpoint direct = new SiteEndpoint("EC", URI.create("http://127.0.0.1:8082"), "t");
        SiteEndpoint proxied = new SiteEndpoint("EC", URI.create("http://proxy.example/comp/"), "t");

        assertThat(direct.resolve("tasks")).isEqualTo(URI.create("http://127.0.0.1:8082/v1/tasks"));
        assertThat(proxied.resolve("availability?slots=1"))
                .isEqualTo(URI.create("http://proxy.example/comp/v1/availability?slots=1"));
    }
}
