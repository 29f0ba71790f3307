package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rendered Ingress's regex paths and rewrite target, run in a real nginx the way ingress-nginx
 * turns them into configuration ({@code use-regex} + {@code rewrite-target}: a case-insensitive
 * regex location per path and {@code rewrite "(?i)<path>" <target> break;}), in front of one
 * stand-in site per Service: what reaches each site for a given request path.
 */
class IngressRewriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, StandInSite> SITES = new LinkedHashMap<>();
    private static NginxProxy nginx;

    @BeforeAll
    static void startIngressEquivalent() {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        assumeTrue(NginxProxy.available(), "nginx is not installed");
        Ingress ingress = ManifestInvariantsTest.rendered("base").ingresses().get(0);
        String rewrite = ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/rewrite-target");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/use-regex", "true");
        StringBuilder locations = new StringBuilder();
        for (HTTPIngressPath path : ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
            String service = path.getBackend().getService().getName();
            StandInSite site = new StandInSite(service.substring(service.lastIndexOf('-') + 1).toUpperCase(Locale.ROOT));
            SITES.put(service, site);
            locations.append("    location ~* \"^").append(path.getPath()).append("\" {\n")
                    .append("      rewrite \"(?i)").append(path.getPath()).append("\" ").append(rewrite).append(" break;\n")
                    .append("      proxy_pass http://127.0.0.1:").append(site.port()).append(";\n")
                    .append("    }\n");
        }
        nginx = NginxProxy.start(port -> "server {\n    listen 127.0.0.1:" + port + ";\n" + locations
                + "    location / { return 404; }\n}\n");
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        SITES.values().forEach(StandInSite::close);
    }

    @ParameterizedTest(name = "{0} reaches {1} as {2}")
    @CsvSource({
        "/ec/v1/health,               EC, /v1/health",
        "/ed/v1/availability?slots=3, ED, /v1/availability?slots=3",
        "/cd/v1/tasks,                CD, /v1/tasks",
        "/er,                         ER, /",
        "/er/,                        ER, /",
        "/EC/v1/health,               EC, /v1/health",
    })
    void aRequestPathReachesItsSiteWithThePrefixStripped(String requestPath, String site, String upstreamUri) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + requestPath))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("siteId").asText()).isEqualTo(site);
        assertThat(JSON.readTree(response.body()).get("uri").asText()).isEqualTo(upstreamUri);
    }

    @ParameterizedTest
    @CsvSource({"/ecx/v1/health", "/v1/health", "/xed/v1/health"})
    void aPathOfNoSiteReachesNoSite(String requestPath) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(nginx.baseUrl() + requestPath))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
