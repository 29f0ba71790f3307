package io.edgeoff.site;

import static io.edgeoff.site.TestSites.TOKEN;
import static io.edgeoff.site.TestSites.get;
import static io.edgeoff.site.TestSites.post;
import static io.edgeoff.site.TestSites.task;
import static io.edgeoff.site.TestSites.uri;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's request-latency histograms (tasks on the Jetty handler, the rest on Javalin's routes) and JVM metrics. */
class SiteMetricsTest {
    @TempDir
    Path dir;

    @Test
    void everyAnsweredRequestIsTimedUnderItsRouteAndTheJvmIsMeasured() throws Exception {
        HttpClient client = TestSites.client();
        try (SiteServer server = SiteServer.start(TestSites.fastSite(dir).build())) {
            String before = get(client, uri(server, "/v1/metrics"), null).body();
            assertThat(count(before, "POST /v1/tasks")).isZero();

            post(client, uri(server, "/v1/tasks"), task("m-1", "R", 1, 1, ""), TOKEN);
            post(client, uri(server, "/v1/tasks"), task("m-2", "R", 1, 1, ""), TOKEN);
            get(client, uri(server, "/v1/health"), null);
            get(client, uri(server, "/v1/no-such-path"), null);
            String after = get(client, uri(server, "/v1/metrics"), null).body();

            assertThat(count(after, "POST /v1/tasks")).isEqualTo(2);
            assertThat(count(after, "GET /v1/health")).isEqualTo(count(before, "GET /v1/health") + 1);
            assertThat(count(after, "other")).isEqualTo(count(before, "other") + 1);
            assertThat(after).contains("edgeoff_site_http_request_seconds_bucket{route=\"POST /v1/tasks\",site=\"EC\",le=\"60.0\"} 2")
                    .contains("jvm_memory_used_bytes{area=\"heap\",id=")
                    .contains("process_cpu_usage{site=\"EC\"}")
                    .contains("jvm_threads_live_threads{site=\"EC\"}");
        }
    }

    private static long count(String scrape, String route) {
        Matcher m = Pattern.compile("edgeoff_site_http_request_seconds_count\\{route=\"" + Pattern.quote(route)
                + "\",site=\"EC\"} (\\d+)").matcher(scrape);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
