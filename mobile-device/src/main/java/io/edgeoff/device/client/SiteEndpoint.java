package io.edgeoff.device.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where a remote site is reached.
 *
 * @param siteId   site id of the scenario, e.g. {@code EC}
 * @param baseUri  base URI of the site service, e.g. {@code http://127.0.0.1:8081} (the API lives under
 *                 {@code /v1}); a proxy prefix such as {@code http://proxy/comp} is allowed
 * @param token    bearer token for the task endpoint
 */
public record SiteEndpoint(String siteId, URI baseUri, String token) {
    public SiteEndpoint {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank");
        }
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        String s = baseUri.toString();
        if (s.endsWith("/")) {
            baseUri = URI.create(s.substring(0, s.length() - 1));
        }
    }

    /** @return {@code baseUri + "/v1/" + path} */
    public URI resolve(String path) {
        return URI.create(baseUri + "/v1/" + path);
    }
}
