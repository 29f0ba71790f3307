package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FleetLimits} against {@code V3__fleet.sql}, as {@code ScenarioLimitsTest} holds V1 to its tables. */
class FleetLimitsTest {
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern VARCHAR = Pattern.compile("^\\s+(\\w+)\\s+VARCHAR\\((\\d+)\\)", Pattern.MULTILINE);
    private static final Pattern UPPER = Pattern.compile("\\b([a-z_]+) < (-?[0-9.]+(?:e[0-9]+)?)\\b");

    private static String fleetMigration() throws IOException {
        try (InputStream in = FleetLimitsTest.class.getResourceAsStream("/db/migration/V3__fleet.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void knowsTheLengthOfEveryTextColumnOfTheFleetTables() throws IOException {
        Map<String, Integer> declared = new TreeMap<>();
        Matcher table = TABLE.matcher(fleetMigration());
        while (table.find()) {
            Matcher column = VARCHAR.matcher(table.group(2));
            while (column.find()) {
                declared.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
            }
        }

        assertThat(new TreeMap<>(FleetLimits.TEXT_LENGTHS)).isEqualTo(declared);
    }

    @Test
    void knowsEveryExclusiveUpperBoundOfTheFleetTables() throws IOException {
        Map<String, Double> declared = new TreeMap<>();
        Matcher table = TABLE.matcher(fleetMigration());
        while (table.find()) {
            Matcher bound = UPPER.matcher(table.group(2));
            while (bound.find()) {
                declared.put(table.group(1) + "." + bound.group(1), Double.parseDouble(bound.group(2)));
            }
        }

        Map<String, Double> known = new TreeMap<>();
        FleetLimits.NUMBER_BOUNDS.forEach((column, bounds) -> {
            if (bounds.max() != Double.POSITIVE_INFINITY && !bounds.maxInclusive()) {
                known.put(column, bounds.max());
            }
        });
        assertThat(known).isEqualTo(declared);
    }

    @Test
    void hasAHostileValueForEveryColumnLimitOfTheFleetTables() {
        Set<String> limited = new HashSet<>(FleetLimits.TEXT_LENGTHS.keySet());
        limited.addAll(FleetLimits.NUMBER_BOUNDS.keySet());
        limited.removeAll(FleetHostileValues.CHECKED_ELSEWHERE);

        assertThat(FleetHostileValues.columns().keySet()).containsExactlyInAnyOrderElementsOf(limited);
    }

    @Test
    void saysWhereEveryConstraintOfTheFleetTablesIsChecked() throws IOException {
        Set<String> declared = new HashSet<>();
        Matcher m = Pattern.compile("CONSTRAINT (\\w+)").matcher(fleetMigration());
        while (m.find()) {
            declared.add(m.group(1));
        }

        assertThat(FleetLimits.CHECKED_BY.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    }
}
