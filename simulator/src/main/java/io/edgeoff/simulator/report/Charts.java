package io.edgeoff.simulator.report;

import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.simulator.metrics.MetricsSummary;
import io.edgeoff.simulator.run.ExperimentResult;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * PNG charts, drawn headless with XChart: the simulator's charts of an experiment, and the general bar charts every
 * other report draws with ({@link #bars}, {@link #stacked}, {@link #png}), so all reports share one chart library
 * and one look.
 */
public final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;

    private Charts() {
    }

    /**
     * Bar chart of one metric: one group per configuration plus "all", one bar per policy, with 95 % CI
     * error bars (none where the interval is undefined, a single sampling).
     */
    public static void metricByConfiguration(Path file, ExperimentResult result, String title, String yAxis,
                                             Function<MetricsSummary, MeanInterval> metric) {
        CategoryChart chart = newChart(title, "configuration", yAxis);
        List<String> groups = new ArrayList<>();
        result.spec().configurations().forEach(id -> groups.add(Integer.toString(id)));
        if (result.spec().configurations().size() > 1) {
            groups.add("all");
        }
        for (String policy : result.spec().policies()) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int id : result.spec().configurations()) {
                MeanInterval m = metric.apply(result.summary(policy, id));
                means.add(m.mean());
                errors.add(errorBar(m));
            }
            if (result.spec().configurations().size() > 1) {
                MeanInterval m = metric.apply(result.summary(policy));
                means.add(m.mean());
                errors.add(errorBar(m));
            }
            chart.addSeries(policy, groups, means, errors);
        }
        save(chart, file);
    }

    /** XChart draws no bar for 0 and cannot draw NaN: an undefined interval gets no error bar. */
    private static double errorBar(MeanInterval m) {
        return m.hasHalfWidth() ? m.halfWidth95() : 0.0;
    }

    /**
     * One bar per category with its 95 % error bar ({@code halfWidths}; NaN, an undefined interval, draws none).
     * {@code halfWidths} may be null: no error bars.
     */
    public static CategoryChart bars(String title, String xAxis, String yAxis, List<String> categories,
                                     List<Double> values, List<Double> halfWidths) {
        CategoryChart chart = newChart(title, xAxis, yAxis);
        chart.getStyler().setLegendVisible(false);
        if (halfWidths == null) {
            chart.addSeries(yAxis, categories, values);
        } else {
            chart.addSeries(yAxis, categories, values,
                    halfWidths.stream().map(h -> Double.isNaN(h) ? 0.0 : h).toList());
        }
        return chart;
    }

    /** Stacked bars: per category, one part per entry of {@code parts} (series name to one value per category). */
    public static CategoryChart stacked(String title, String xAxis, String yAxis, List<String> categories,
                                        java.util.Map<String, List<Double>> parts) {
        CategoryChart chart = newChart(title, xAxis, yAxis);
        chart.getStyler().setStacked(true);
        parts.forEach((name, values) -> chart.addSeries(name, categories, values));
        return chart;
    }

    /**
     * Grouped bars: per category, one bar per series (e.g. per device, one bar per policy), with 95 % error bars from
     * {@code halfWidths} (same keys and lengths as {@code series}), or none when it is null.
     */
    public static CategoryChart grouped(String title, String xAxis, String yAxis, List<String> categories,
                                        java.util.Map<String, List<Double>> series,
                                        java.util.Map<String, List<Double>> halfWidths) {
        CategoryChart chart = newChart(title, xAxis, yAxis);
        series.forEach((name, values) -> {
            if (halfWidths == null) {
                chart.addSeries(name, categories, values);
            } else {
                chart.addSeries(name, categories, values, halfWidths.get(name));
            }
        });
        return chart;
    }

    /** @return {@code chart} as PNG bytes */
    public static byte[] png(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart " + chart.getTitle() + ": " + e.getMessage(), e);
        }
    }

    /** Stacked bars: per policy, the mean number of tasks (or failures) per sampling on each site, all configurations. */
    public static void perSite(Path file, ExperimentResult result, String title, String yAxis, boolean failures) {
        List<String> policies = result.spec().policies();
        java.util.Map<String, List<Double>> parts = new java.util.LinkedHashMap<>();
        for (String site : result.siteIds()) {
            List<Double> values = new ArrayList<>();
            for (String policy : policies) {
                MetricsSummary s = result.summary(policy);
                values.add((failures ? s.failuresPerSite() : s.tasksPerSite()).get(site).mean());
            }
            parts.put(site, values);
        }
        save(stacked(title, "policy", yAxis, policies, parts), file);
    }

    private static CategoryChart newChart(String title, String xAxis, String yAxis) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDecimalPattern("#,##0.###");
        return chart;
    }

    /** Writes {@code chart} as a PNG file. */
    public static void save(CategoryChart chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }
}
