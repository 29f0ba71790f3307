package io.edgeoff.cli.decision;

import io.edgeoff.common.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code ED=0.97,EC=0.85} option values against a scenario's remote sites. */
final class SiteValues {
    private SiteValues() {
    }

    static Map<String, Double> parse(String option, String text, Scenario scenario, double min, double max) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return values;
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException(option + ": expected SITE=VALUE, but got '" + entry.trim() + "'");
            }
            String site = parts[0].trim();
            if (scenario.findSite(site).filter(s -> s.isRemote()).isEmpty()) {
                throw new IllegalArgumentException(option + ": unknown remote site " + site + "; remote sites of "
                        + scenario.name() + ": " + scenario.remoteSites().stream().map(s -> s.id()).toList());
            }
            double value;
            try {
                value = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": value of " + site + " is not a number: '" + parts[1].trim() + "'");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(option + ": value of " + site + " must be in [" + fmt(min) + ","
                        + fmt(max) + "], but was " + parts[1].trim());
            }
            values.put(site, value);
        }
        return values;
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "inf" : (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
    }
}
