package io.edgeoff.testbed.compare;

import io.edgeoff.common.results.PolicySummary;
import io.edgeoff.common.results.ResultsCsv;
import io.edgeoff.common.stats.IntervalFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown table of test-bed versus simulator, one row per policy, per application execution. Both sides are run
 * files of the one results schema (the device's {@code executions.csv}, the simulator's {@code samplings.csv}), read
 * by the one reader ({@link ResultsCsv#readRows}) and summarised the same way ({@link PolicySummary#of}).
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    /** The per-policy summaries of a run file, live or simulated. */
    public static List<PolicySummary> read(Path runFile) {
        return PolicySummary.ofAll(ResultsCsv.readRows(runFile));
    }

    public static String format(List<PolicySummary> testbed, List<PolicySummary> simulator) {
        StringBuilder out = new StringBuilder();
        out.append("| policy | response s test-bed | response s simulator | gap | energy J test-bed | energy J simulator"
                + " | gap | failures/exec test-bed | failures/exec simulator | availability % test-bed | availability % simulator |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PolicySummary t : testbed) {
            Optional<PolicySummary> s = simulator.stream().filter(r -> r.policy().equals(t.policy())).findFirst();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.3f | %s | %.1f | %s |%n",
                    t.policy(), meanAndInterval(t.meanResponseSeconds(), t.ci95ResponseSeconds()),
                    s.map(r -> meanAndInterval(r.meanResponseSeconds(), r.ci95ResponseSeconds())).orElse("-"),
                    s.map(r -> gap(t.meanResponseSeconds(), r.meanResponseSeconds())).orElse("-"),
                    meanAndInterval(t.meanEnergyJoules(), t.ci95EnergyJoules()),
                    s.map(r -> meanAndInterval(r.meanEnergyJoules(), r.ci95EnergyJoules())).orElse("-"),
                    s.map(r -> gap(t.meanEnergyJoules(), r.meanEnergyJoules())).orElse("-"),
                    t.failuresPerExecution(),
                    s.map(r -> String.format(Locale.ROOT, "%.3f", r.failuresPerExecution())).orElse("-"),
                    t.serviceAvailabilityPercent(),
                    s.map(r -> String.format(Locale.ROOT, "%.1f", r.serviceAvailabilityPercent())).orElse("-")));
        }
        return out.toString();
    }

    /** {@code mean ± half-width}, the half-width "n/a" when undefined (a single execution or sampling). */
    static String meanAndInterval(double mean, double halfWidth95) {
        return String.format(Locale.ROOT, "%.3f ± %s", mean, IntervalFormat.text("%.3f", halfWidth95));
    }

    /** Relative gap of the test-bed to the simulator, e.g. {@code +12%}. */
    static String gap(double testbed, double simulator) {
        if (simulator == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.0f%%", 100.0 * (testbed - simulator) / simulator);
    }
}
