package io.edgeoff.site.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import io.edgeoff.database.FailureEvent;
import io.edgeoff.database.FailureKind;
import io.edgeoff.site.SiteServer;
import io.edgeoff.site.TestSites;
import io.edgeoff.site.failure.FailureRecord;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real site on loopback with {@code --db-url} writes its failure events to the database's {@code failure_events}
 * table: one row per failure record of its failure file, none repeated or skipped across a restart; an unreachable
 * database never stops the site, and a malformed URL is refused naming it.
 */
class FailureEventExportTest {
    @TempDir
    Path dir;

    private static void outage(HttpClient client, SiteServer site, String mode) throws Exception {
        HttpResponse<String> r = TestSites.post(client, TestSites.uri(site, "/v1/admin/outages"),
                "{\"mode\":\"" + mode + "\",\"durationMillis\":100}", TestSites.TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> site.outages().active().isEmpty());
        // after a refuse outage the site listens again a moment later
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                TestSites.get(client, TestSites.uri(site, "/v1/health"), null).statusCode() == 200);
    }

    private static List<FailureRecord> failures(SiteServer site) {
        return site.monitor().records().stream()
                .filter(r -> FailureEventExport.event("EC", r).isPresent()).toList();
    }

    private static List<FailureEvent> stored(String url) {
        try (Database db = Database.open(DatabaseUrl.of(url, "test"), Database.DEFAULT_CONNECT_TIMEOUT,
                Clock.systemUTC())) {
            return db.failureEvents().forSite("EC");
        }
    }

    private void failureEventsReachTheTable(String url) throws Exception {
        HttpClient client = TestSites.client();
        Path data = dir.resolve("data");
        try (SiteServer site = SiteServer.start(TestSites.fastSite(data).databaseUrl(url).build())) {
            outage(client, site, "error");
            outage(client, site, "refuse");
            outage(client, site, "hang");
            List<FailureRecord> inFile = failures(site);
            assertThat(inFile).hasSize(3);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> stored(url).size() == inFile.size());
            List<FailureEvent> rows = stored(url);
            assertThat(rows).extracting(FailureEvent::kind)
                    .containsExactly(FailureKind.ERROR, FailureKind.REFUSE, FailureKind.HANG);
            assertThat(rows).extracting(e -> FailureEventExport.sequenceOf(e.detail()))
                    .containsExactlyElementsOf(inFile.stream().map(FailureRecord::sequence).toList());
            assertThat(rows.get(0).endedAt().orElseThrow()).isEqualTo(rows.get(0).startedAt().plusMillis(100));
        }
        // a restart goes on after what is stored: nothing twice, nothing skipped
        try (SiteServer site = SiteServer.start(TestSites.fastSite(data).databaseUrl(url).build())) {
            outage(client, site, "error");
            List<FailureRecord> inFile = failures(site);
            assertThat(inFile).hasSize(4);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> stored(url).size() == inFile.size());
            assertThat(stored(url)).extracting(e -> FailureEventExport.sequenceOf(e.detail()))
                    .containsExactlyElementsOf(inFile.stream().map(FailureRecord::sequence).toList());
        }
    }

    @Test
    void failureEventsOfASiteAppearInAnH2FileDatabase() throws Exception {
        failureEventsReachTheTable("jdbc:h2:file:" + dir.resolve("db").resolve("edgeoff"));
    }

    @Test
    void failureEventsOfASiteAppearInPostgres() throws Exception {
        String base = System.getenv("EDGEOFF_TEST_PG_URL");
        Assumptions.assumeTrue(base != null, "EDGEOFF_TEST_PG_URL not set (.ci/run sets it)");
        String schema = "edgeoff_site_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            failureEventsReachTheTable(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void anUnreachableDatabaseNeverStopsTheSite() throws Exception {
        HttpClient client = TestSites.client();
        String unreachable = "jdbc:postgresql://127.0.0.1:1/edgeoff?user=edgeoff&password=secret&connectTimeout=1";
        try (SiteServer site = SiteServer.start(TestSites.fastSite(dir).databaseUrl(unreachable).build())) {
            outage(client, site, "error");
            FailureEventExport export = site.failureEventExport().orElseThrow();
            assertThat(export.flush()).isFalse();
            assertThat(export.exported()).isZero();
            HttpResponse<String> health = TestSites.get(client, TestSites.uri(site, "/v1/health"), null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(failures(site)).hasSize(1); // the failure file has it all the same
        }
    }

    @Test
    void aMalformedUrlIsRefusedNamingIt() {
        assertThatThrownBy(() -> SiteServer.start(TestSites.fastSite(dir).databaseUrl("mysql://localhost/x").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql://localhost/x is not a JDBC URL");
    }
}
