package io.edgeoff.experiment;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Where {@code edgeoff device --db-url URL} takes its scenario from: the parameter database. The configuration's
 * {@code scenario} (the built-in {@code seed} or a scenario file) names it: when the database holds a scenario of
 * that name, the database's copy is used (it wins over the file; change it with {@code edgeoff db import --replace});
 * when it holds none (first use), the configuration's scenario is stored first and then read back, so the device
 * always runs on what the database says.
 */
public final class DeviceScenario {
    private DeviceScenario() {
    }

    /**
     * @param dbUrl      the database
     * @param configured the configuration's scenario (its name selects the stored one; stored when absent)
     * @param log        receives one line saying where the scenario came from
     * @return the scenario as stored in the database
     * @throws IllegalArgumentException naming the URL when the database cannot be opened or read
     */
    public static Scenario fromDatabase(String dbUrl, Scenario configured, Consumer<String> log) {
        try (Database db = Database.open(DatabaseUrl.of(dbUrl, "--db-url"), Database.DEFAULT_CONNECT_TIMEOUT,
                Clock.systemUTC())) {
            db.migrate();
            boolean stored = db.scenarios().saveIfAbsent(configured);
            Scenario scenario = db.scenarios().load(configured.name());
            log.accept("edgeoff device: scenario '" + scenario.name() + "' read from " + db.url().redacted()
                    + (stored ? " (stored there now from the configuration: first use)"
                        : " (the database's copy; it takes precedence over the configuration's scenario)"));
            return scenario;
        }
    }
}
