package io.edgeoff.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgeoff device --db-url}: the scenario is seeded into an empty database and read back from it. */
class DeviceScenarioTest {
    @TempDir
    Path dir;

    private static Database open(String url) {
        return Database.open(DatabaseUrl.of(url, "test"), Database.DEFAULT_CONNECT_TIMEOUT, Clock.systemUTC());
    }

    @Test
    void theScenarioIsSeededIntoAnEmptyDatabaseThenTheDatabasesCopyWins() {
        seededThenRead("jdbc:h2:file:" + dir.resolve("db").resolve("edgeoff"), "jdbc:h2:file:");
    }

    @Test
    void theSameOnPostgres() throws Exception {
        String base = System.getenv("EDGEOFF_TEST_PG_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(base != null, "EDGEOFF_TEST_PG_URL not set (.ci/run sets it)");
        String schema = "edgeoff_device_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = java.sql.DriverManager.getConnection(base); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            seededThenRead(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, "jdbc:postgresql:");
        } finally {
            try (var c = java.sql.DriverManager.getConnection(base); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void seededThenRead(String url, String shownAs) {
        Scenario seed = ScenarioYaml.load("seed");
        List<String> log = new ArrayList<>();

        Scenario first = DeviceScenario.fromDatabase(url, seed, log::add);

        assertThat(ScenarioYaml.write(first)).isEqualTo(ScenarioYaml.write(seed));
        try (Database db = open(url)) {
            assertThat(db.scenarios().names()).containsExactly("seed");
        }
        assertThat(log.get(0)).contains("scenario 'seed' read from " + shownAs).contains("first use");

        // edited in the database (as 'edgeoff db import --replace' does): the device now runs on the stored copy
        Scenario edited = new Scenario(seed.name(), seed.sites(), seed.links(), seed.taskKinds(), seed.applications(),
                seed.workload(), seed.devicePower(), seed.costWeights(), seed.failureDetectionSeconds() + 1.0,
                seed.configurations());
        try (Database db = open(url)) {
            db.scenarios().replace(edited);
        }
        Scenario second = DeviceScenario.fromDatabase(url, seed, log::add);

        assertThat(second.failureDetectionSeconds()).isEqualTo(seed.failureDetectionSeconds() + 1.0);
        assertThat(log.get(1)).contains("takes precedence");
    }

    @Test
    void anUnreachableDatabaseIsAClearError() {
        String url = "jdbc:postgresql://127.0.0.1:1/edgeoff?user=edgeoff&password=secret&connectTimeout=1";
        assertThatThrownBy(() -> DeviceScenario.fromDatabase(url, ScenarioYaml.load("seed"), line -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot reach jdbc:postgresql://127.0.0.1:1/edgeoff")
                .hasMessageNotContaining("secret");
    }
}
