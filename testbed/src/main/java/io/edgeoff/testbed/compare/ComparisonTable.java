package io.edgeoff.testbed.compare;

import io.edgeoff.common.stats.IntervalFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Markdown table of test-bed versus simulator, one row per policy, per application execution. */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    public static String format(List<PolicyResult> testbed, List<PolicyResult> simulator) {
        StringBuilder out = new StringBuilder();
        out.append("| policy | response s test-bed | response s simulator | gap | energy J test-bed | energy J simulator"
                + " | gap | failures/exec test-bed | failures/exec simulator | availability % test-bed | availability % simulator |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PolicyResult t : testbed) {
            Optional<PolicyResult> s = simulator.stream().filter(r -> r.policy().equals(t.policy())).findFirst();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.3f | %s | %.1f | %s |%n",
                    t.policy(), meanAndInterval(t.responseSeconds(), t.responseCi95Seconds()),
                    s.map(r -> meanAndInterval(r.responseSeconds(), r.responseCi95Seconds())).orElse("-"),
                    s.map(r -> gap(t.responseSeconds(), r.responseSeconds())).orElse("-"),
                    meanAndInterval(t.energyJoules(), t.energyCi95Joules()),
                    s.map(r -> meanAndInterval(r.energyJoules(), r.energyCi95Joules())).orElse("-"),
                    s.map(r -> gap(t.energyJoules(), r.energyJoules())).orElse("-"),
                    t.failuresPerExecution(),
                    s.map(r -> String.format(Locale.ROOT, "%.3f", r.failuresPerExecution())).orElse("-"),
                    t.availabilityPercent(),
                    s.map(r -> String.format(Locale.ROOT, "%.1f", r.availabilityPercent())).orElse("-")));
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
