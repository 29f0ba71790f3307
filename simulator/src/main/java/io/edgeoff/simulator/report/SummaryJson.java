package io.edgeoff.simulator.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.simulator.metrics.MetricsSummary;
import io.edgeoff.simulator.run.ExperimentResult;
import io.edgeoff.simulator.run.ExperimentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code summary.json}:
 * <pre>
 * {"policies": {"&lt;name&gt;": {"response_s": {"mean", "ci95", "n"}, "energy_j": {...},
 *   "battery_percent_left": {...}, "offload_failures": {...}, "service_availability_percent": {...},
 *   "tasks_per_site": {"&lt;site&gt;": {"mean", "ci95", "n"}, ...}}},
 *  "configurations": {"&lt;id&gt;": {"policies": {...the same per policy...}}}}
 * </pre>
 * The names are the results schema's ({@code samplings.csv}'s columns, {@link io.edgeoff.common.results}); means are
 * of a sampling's value (sums over its executions; per execution in {@code summary.csv}); {@code ci95} is the half-width of the 95 % confidence interval over the {@code n}
 * samplings, {@code t(0.975, n - 1) sd / sqrt(n)} (Student's t, {@link MeanInterval}), {@code null} when {@code n = 1};
 * {@code serviceAvailability} is in %. Written with "\n" line ends and fixed key order, so the same run gives the same bytes.
 */
public final class SummaryJson {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private SummaryJson() {
    }

    /** @return the summary as nested maps (the JSON shape) */
    public static Map<String, Object> summary(ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>();
        for (String policy : spec.policies()) {
            all.put(policy, policyEntry(result.summary(policy)));
        }
        root.put("policies", all);
        Map<String, Object> configurations = new LinkedHashMap<>();
        for (int id : spec.configurations()) {
            Map<String, Object> perPolicy = new LinkedHashMap<>();
            for (String policy : spec.policies()) {
                perPolicy.put(policy, policyEntry(result.summary(policy, id)));
            }
            configurations.put(Integer.toString(id), Map.of("policies", perPolicy));
        }
        root.put("configurations", configurations);
        return root;
    }

    /** @return what was run: the parameters of the experiment (no timestamps, so it is reproducible) */
    public static Map<String, Object> experiment(ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("scenario", spec.scenario().name());
        e.put("configurations", spec.configurations());
        e.put("policies", spec.policies());
        e.put("samplings", spec.samplings());
        e.put("executions", spec.executions());
        e.put("seed", spec.seed());
        e.put("failureMode", spec.failureMode().cliName());
        e.put("timeCompression", spec.timeCompression());
        e.put("predictor", spec.predictor());
        e.put("downPredictor", spec.downPredictor());
        e.put("devices", spec.deviceCount());
        e.put("timeWeight", spec.weights().time());
        e.put("energyWeight", spec.weights().energy());
        e.put("trace", result.traceSource());
        e.put("sites", result.siteIds());
        e.put("tasks", result.tasks());
        return e;
    }

    static Map<String, Object> policyEntry(MetricsSummary s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("response_s", meanCi(s.responseTimeSeconds()));
        p.put("energy_j", meanCi(s.energyJoules()));
        p.put("battery_percent_left", meanCi(s.batteryPercent()));
        p.put("offload_failures", meanCi(s.failures()));
        p.put("service_availability_percent", meanCi(s.serviceAvailability()));
        Map<String, Object> sites = new LinkedHashMap<>();
        s.tasksPerSite().forEach((site, m) -> sites.put(site, meanCi(m)));
        p.put("tasks_per_site", sites);
        return p;
    }

    private static Map<String, Object> meanCi(MeanInterval m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mean", m.mean());
        v.put("ci95", IntervalFormat.json(m.halfWidth95()));
        v.put("n", m.n());
        return v;
    }

    /** @return {@code value} as pretty JSON with "\n" line ends and a final newline */
    public static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, Object value) {
        try {
            Files.writeString(file, toJson(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
