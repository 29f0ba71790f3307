package io.edgeoff.experiment;

import io.edgeoff.device.runtime.Attempt;
import io.edgeoff.device.runtime.ExecutionResult;
import io.edgeoff.device.runtime.HandlerTiming;
import io.edgeoff.device.runtime.TaskOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the device's handler profile predicted against what was measured, per handler and site, over a live run's
 * successful handler attempts (in the order they ran; the profile is the device's, shared by the policies of one run).
 * The error of one execution is {@code |predicted - measured| / measured}; "after {@value #LEARNING}" averages the
 * executions of a (handler, site) after its first {@value #LEARNING}.
 */
public final class HandlerCosts {
    /** Executions of a (handler, site) counted as learning. */
    public static final int LEARNING = 20;

    /**
     * One handler on one site ({@code "all"}: pooled over sites).
     *
     * @param executions           successful attempts measured
     * @param meanPredictedSeconds mean prediction before each, s
     * @param meanMeasuredSeconds  mean measured execution time, s
     * @param meanError            mean absolute relative error over all executions (NaN when none)
     * @param errorAfterLearning   the same over the executions after the first {@value #LEARNING} of each site (NaN
     *                             when none)
     * @param countedAfterLearning how many executions {@code errorAfterLearning} averages
     */
    public record Row(String handler, String site, int executions, double meanPredictedSeconds,
                      double meanMeasuredSeconds, double meanError, double errorAfterLearning,
                      int countedAfterLearning) {
    }

    private HandlerCosts() {
    }

    /** @return one row per (handler, site) and one pooled row per handler, sorted by handler then site */
    public static List<Row> rows(List<ExecutionResult> results) {
        Map<String, Map<String, List<HandlerTiming>>> series = new TreeMap<>();
        for (ExecutionResult r : results) {
            for (TaskOutcome t : r.tasks()) {
                for (Attempt a : t.attempts()) {
                    if (a.handlerTiming() != null) {
                        series.computeIfAbsent(a.handlerTiming().handler(), k -> new TreeMap<>())
                                .computeIfAbsent(a.siteId(), k -> new ArrayList<>()).add(a.handlerTiming());
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<HandlerTiming>>> h : series.entrySet()) {
            List<double[]> pooled = new ArrayList<>();
            for (Map.Entry<String, List<HandlerTiming>> s : h.getValue().entrySet()) {
                List<double[]> one = samples(s.getValue());
                rows.add(row(h.getKey(), s.getKey(), one));
                pooled.addAll(one);
            }
            rows.add(row(h.getKey(), "all", pooled));
        }
        return rows;
    }

    /** Per execution: predicted, measured, index within its (handler, site). */
    private static List<double[]> samples(List<HandlerTiming> timings) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < timings.size(); i++) {
            out.add(new double[] {timings.get(i).predictedSeconds(), timings.get(i).measuredSeconds(), i});
        }
        return out;
    }

    private static Row row(String handler, String site, List<double[]> samples) {
        double predicted = 0;
        double measured = 0;
        double error = 0;
        int errors = 0;
        double late = 0;
        int lateCount = 0;
        for (double[] s : samples) {
            predicted += s[0];
            measured += s[1];
            if (s[1] > 0) {
                double e = Math.abs(s[0] - s[1]) / s[1];
                error += e;
                errors++;
                if (s[2] >= LEARNING) {
                    late += e;
                    lateCount++;
                }
            }
        }
        int n = samples.size();
        return new Row(handler, site, n, n == 0 ? Double.NaN : predicted / n, n == 0 ? Double.NaN : measured / n,
                errors == 0 ? Double.NaN : error / errors, lateCount == 0 ? Double.NaN : late / lateCount, lateCount);
    }

    /** Columns of {@code handlers.csv}. */
    static final String HEADER = "handler,site,executions,mean_predicted_s,mean_measured_s,mean_abs_rel_error,"
            + "abs_rel_error_after_" + LEARNING + ",executions_after_" + LEARNING;

    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.4f,%.4f,%d%n", r.handler(), r.site(),
                    r.executions(), r.meanPredictedSeconds(), r.meanMeasuredSeconds(), r.meanError(),
                    r.errorAfterLearning(), r.countedAfterLearning()));
        }
        return out.toString();
    }

    /** The pooled rows as printed after a run; empty when no handler ran. */
    static String text(List<Row> rows) {
        List<Row> pooled = rows.stream().filter(r -> r.site().equals("all")).toList();
        if (pooled.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "handler profile (predicted before each execution vs measured, all sites):%n"));
        out.append(String.format(Locale.ROOT, "  %-16s %5s %12s %11s %7s %18s%n", "handler", "execs", "predicted s",
                "measured s", "error", "error after " + LEARNING + "/site"));
        for (Row r : pooled) {
            out.append(String.format(Locale.ROOT, "  %-16s %5d %12.4f %11.4f %6.0f%% %17s%n", r.handler(),
                    r.executions(), r.meanPredictedSeconds(), r.meanMeasuredSeconds(), 100 * r.meanError(),
                    r.countedAfterLearning() == 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.0f%% (%d)", 100 * r.errorAfterLearning(),
                            r.countedAfterLearning())));
        }
        return out.toString();
    }

    /** The rows as an HTML table (empty when no handler ran). */
    static String html(List<Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Handler costs: predicted against measured</h2>\n<p>The device's "
                + "handler profile before each execution, against the measured execution time (rated: the site's "
                + "speed emulation, or the device's). Error: mean |predicted - measured| / measured; after "
                + LEARNING + ": executions after each site's first " + LEARNING + ".</p>\n<table><tr><th>handler</th>"
                + "<th>site</th><th>executions</th><th>predicted s</th><th>measured s</th><th>error</th>"
                + "<th>error after " + LEARNING + "</th></tr>\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.4f</td><td>%.4f</td>"
                            + "<td>%.0f %%</td><td>%s</td></tr>%n", LiveReports.escape(r.handler()),
                    LiveReports.escape(r.site()), r.executions(), r.meanPredictedSeconds(), r.meanMeasuredSeconds(),
                    100 * r.meanError(), r.countedAfterLearning() == 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.0f %% (%d)", 100 * r.errorAfterLearning(),
                            r.countedAfterLearning())));
        }
        return out.append("</table>\n").toString();
    }

    /** @return per handler (pooled) its error after learning, for results.json */
    static Map<String, Object> json(List<Row> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("executions", r.executions());
            one.put("meanPredictedSeconds", r.meanPredictedSeconds());
            one.put("meanMeasuredSeconds", r.meanMeasuredSeconds());
            one.put("meanAbsRelError", r.meanError());
            one.put("absRelErrorAfter" + LEARNING, r.errorAfterLearning());
            out.put(r.handler() + "@" + r.site(), one);
        }
        return out;
    }
}
