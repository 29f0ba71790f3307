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

/** PNG charts of an experiment, drawn headless with XChart. */
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

    /** Stacked bars: per policy, the mean number of tasks (or failures) per sampling on each site, all configurations. */
    public static void perSite(Path file, ExperimentResult result, String title, String yAxis, boolean failures) {
        CategoryChart chart = newChart(title, "policy", yAxis);
        chart.getStyler().setStacked(true);
        List<String> policies = result.spec().policies();
        for (String site : result.siteIds()) {
            List<Double> values = new ArrayList<>();
            for (String policy : policies) {
                MetricsSummary s = result.summary(policy);
                values.add((failures ? s.failuresPerSite() : s.tasksPerSite()).get(site).mean());
            }
            chart.addSeries(site, policies, values);
        }
        save(chart, file);
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

    private static void save(CategoryChart chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }
}
