package io.edgeoff.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioException;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.common.site.SiteKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ScenarioLimits} against the migration it mirrors: a column, a bound or a constraint added
 * to {@code V1__parameters.sql} without its check fails here, and {@link HostileValues} (whose
 * cases the contract tests run on H2 and PostgreSQL) has a hostile value for every column.
 */
class ScenarioLimitsTest {
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern VARCHAR = Pattern.compile("^\\s+(\\w+)\\s+VARCHAR\\((\\d+)\\)", Pattern.MULTILINE);
    /** {@code column op literal}, not the right-hand side of a sum ({@code a + b >= 0} is a rule across columns). */
    private static final Pattern BOUND = Pattern.compile("(?<!\\+ )\\b([a-z_]+) (>=|>|<=|<) (-?[0-9.]+(?:e[0-9]+)?)\\b");

    private static String parameters() throws IOException {
        try (InputStream in = ScenarioLimitsTest.class.getResourceAsStream("/db/migration/V1__parameters.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void knowsTheLengthOfEveryTextColumnOfTheParameterTables() throws IOException {
        Map<String, Integer> declared = new TreeMap<>();
        Matcher table = TABLE.matcher(parameters());
        while (table.find()) {
            Matcher column = VARCHAR.matcher(table.group(2));
            while (column.find()) {
                declared.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
            }
        }

        assertThat(declared).hasSizeGreaterThan(15);
        assertThat(new TreeMap<>(ScenarioLimits.TEXT_LENGTHS)).isEqualTo(declared);
    }

    @Test
    void knowsEveryLiteralBoundOfTheParameterTables() throws IOException {
        Map<String, ScenarioLimits.Bounds> declared = new TreeMap<>();
        Matcher table = TABLE.matcher(parameters());
        while (table.find()) {
            Matcher bound = BOUND.matcher(table.group(2));
            while (bound.find()) {
                if (bound.group(1).equals("position")) {
                    continue;   // assigned by the store, not part of a scenario
                }
                String column = table.group(1) + "." + bound.group(1);
                ScenarioLimits.Bounds b = declared.getOrDefault(column, new ScenarioLimits.Bounds(
                        Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true));
                double v = Double.parseDouble(bound.group(3));
                declared.put(column, switch (bound.group(2)) {
                    case ">" -> new ScenarioLimits.Bounds(v, false, b.max(), b.maxInclusive());
                    case ">=" -> new ScenarioLimits.Bounds(v, true, b.max(), b.maxInclusive());
                    case "<" -> new ScenarioLimits.Bounds(b.min(), b.minInclusive(), v, false);
                    default -> new ScenarioLimits.Bounds(b.min(), b.minInclusive(), v, true);
                });
            }
        }

        assertThat(declared).hasSizeGreaterThan(30);
        assertThat(new TreeMap<>(ScenarioLimits.NUMBER_BOUNDS)).isEqualTo(declared);
    }

    @Test
    void saysWhereEveryConstraintOfTheParameterTablesIsChecked() throws IOException {
        Set<String> declared = new HashSet<>();
        Matcher m = Pattern.compile("CONSTRAINT (\\w+)").matcher(parameters());
        while (m.find()) {
            declared.add(m.group(1));
        }

        assertThat(ScenarioLimits.CHECKED_BY.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void hasAHostileValueForEveryColumnLimit() {
        Set<String> covered = new HashSet<>(HostileValues.textColumns().keySet());
        covered.addAll(HostileValues.numberColumns().keySet());
        Set<String> limited = new HashSet<>(ScenarioLimits.TEXT_LENGTHS.keySet());
        limited.addAll(ScenarioLimits.NUMBER_BOUNDS.keySet());
        // Not part of a Scenario: the site kind is an enum whose names fit, the service URL is set apart.
        limited.removeAll(Set.of("offloading_sites.kind", "offloading_sites.service_url"));

        assertThat(covered).containsExactlyInAnyOrderElementsOf(limited);
        assertThat(Arrays.stream(SiteKind.values()).mapToInt(k -> k.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(ScenarioLimits.TEXT_LENGTHS.get("offloading_sites.kind"));
    }

    @Test
    void acceptsTheSeedScenario() {
        ScenarioLimits.check(ScenarioYaml.load("seed"), "seed");
    }

    @Test
    void namesTheSourceTheFieldAndTheValueInOneLine() {
        Scenario seed = ScenarioYaml.load("seed");
        Scenario named = new Scenario("n\n" + "x".repeat(9_998), seed.sites(), seed.links(), seed.taskKinds(),
                seed.applications(), seed.workload(), seed.devicePower(), seed.costWeights(),
                seed.failureDetectionSeconds(), seed.configurations());

        assertThatThrownBy(() -> ScenarioLimits.check(named, "mine.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("mine.yaml: name: must be at most 200 characters, but has 10000: 'n\\u000a"
                        + "x".repeat(38) + "...'");
    }

    @Test
    void namesTheBoundsAndTheValueOfANumber() {
        Scenario seed = ScenarioYaml.load("seed");
        Scenario fast = HostileValues.cases().filter(c -> c.toString().equals("offloading_sites.mips = 1.0E308"))
                .findFirst().orElseThrow().apply(seed);

        assertThatThrownBy(() -> ScenarioLimits.check(fast, "mine.yaml"))
                .hasMessage("mine.yaml: sites[2].mips: must be > 0 and < 1.0E12, but was 1.0E308");
    }

    @Test
    void rejectsAServiceUrlLongerThanItsColumn() {
        URI url = URI.create("http://h/" + "p".repeat(2000));

        assertThatThrownBy(() -> ScenarioLimits.checkServiceUrl("EC", url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service URL of site EC must be at most 2000 characters, but has 2009: "
                        + "'http://h/ppp");
    }

    @Test
    void showsTextShortAndOnOneLine() {
        Map<String, String> shown = new HashMap<>();
        for (String text : new String[] {"EC", "a\u0000b", "a\uD800b", "🚀é", "x".repeat(41)}) {
            shown.put(text, ScenarioLimits.shown(text));
        }

        assertThat(shown).containsEntry("EC", "EC").containsEntry("a\u0000b", "a\\u0000b")
                .containsEntry("a\uD800b", "a\\ud800b").containsEntry("🚀é", "🚀é")
                .containsEntry("x".repeat(41), "x".repeat(40) + "...");
    }
}
