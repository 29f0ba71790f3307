package io.edgeoff.simulator.run;

import io.edgeoff.common.cost.CostWeights;
import io.edgeoff.common.stats.IntervalFormat;
import io.edgeoff.common.stats.MeanInterval;
import io.edgeoff.simulator.metrics.MetricsSummary;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The authors' weight-sensitivity sweep: the experiment re-run with time weight {@code w_t = 0, 0.1, ..., 1}
 * (energy weight {@code 1 - w_t}); everything else, including the seed, unchanged.
 */
public final class WeightSweep {
    /** Number of steps between w_t = 0 and 1. */
    public static final int STEPS = 10;

    /** One point: a policy's summary at one time weight. */
    public record Point(double timeWeight, String policy, MetricsSummary summary) {
    }

    /** All points, by time weight then policy. */
    public record Result(List<String> policies, List<Point> points) {
        public Result {
            policies = List.copyOf(policies);
            points = List.copyOf(points);
        }
    }

    /** Progress of a sweep: the time weight whose run finished. */
    @FunctionalInterface
    public interface Progress {
        void weightDone(double timeWeight, int done);
    }

    private WeightSweep() {
    }

    public static Result run(ExperimentRunner runner, ExperimentSpec spec, Progress progress) {
        List<ExperimentResult> results = new ArrayList<>();
        for (int step = 0; step <= STEPS; step++) {
            results.add(runner.run(atStep(spec, step)));
            progress.weightDone(timeWeight(step), step + 1);
        }
        return of(spec, results);
    }

    /** @return the time weight of sweep step {@code step} (0 to {@value #STEPS}): {@code step / STEPS} */
    public static double timeWeight(int step) {
        if (step < 0 || step > STEPS) {
            throw new IllegalArgumentException("sweep step must be in [0," + STEPS + "], but was " + step);
        }
        return step / (double) STEPS;
    }

    /** @return {@code spec} with the weights of sweep step {@code step}; everything else, the seed too, unchanged */
    public static ExperimentSpec atStep(ExperimentSpec spec, int step) {
        return spec.toBuilder().weights(CostWeights.ofTime(timeWeight(step))).build();
    }

    /**
     * @param spec    the swept experiment (its policies are the sweep's)
     * @param perStep the experiment's result at every step, 0 to {@value #STEPS}
     * @return the sweep's points, by time weight then policy
     */
    public static Result of(ExperimentSpec spec, List<ExperimentResult> perStep) {
        if (perStep.size() != STEPS + 1) {
            throw new IllegalArgumentException("a sweep has " + (STEPS + 1) + " steps, but " + perStep.size()
                    + " results were given");
        }
        List<Point> points = new ArrayList<>();
        for (int step = 0; step <= STEPS; step++) {
            for (String policy : spec.policies()) {
                points.add(new Point(timeWeight(step), policy, perStep.get(step).summary(policy)));
            }
        }
        return new Result(spec.policies(), points);
    }

    /** A half-width column: empty when a single sampling leaves it undefined. */
    private static String ci(MeanInterval m) {
        return IntervalFormat.csv(m.halfWidth95());
    }

    /** Writes {@code sweep.csv} and, if {@code charts}, {@code sweep-response-time.png} and {@code sweep-energy.png}. */
    public static void write(Path dir, Result result, boolean charts) {
        StringBuilder b = new StringBuilder("timeWeight,policy,responseTimeSeconds,responseTimeCi95,energyJoules,"
                + "energyCi95,failures,failuresCi95,serviceAvailability,serviceAvailabilityCi95\n");
        for (Point p : result.points()) {
            MetricsSummary s = p.summary();
            b.append(String.format(Locale.ROOT, "%.1f", p.timeWeight())).append(',').append(p.policy())
                    .append(',').append(s.responseTimeSeconds().mean()).append(',').append(ci(s.responseTimeSeconds()))
                    .append(',').append(s.energyJoules().mean()).append(',').append(ci(s.energyJoules()))
                    .append(',').append(s.failures().mean()).append(',').append(ci(s.failures()))
                    .append(',').append(s.serviceAvailability().mean()).append(',')
                    .append(ci(s.serviceAvailability())).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("sweep.csv"), b, StandardCharsets.UTF_8);
            if (charts) {
                chart(dir.resolve("sweep-response-time.png"), result, "Response time per sampling vs time weight", "s",
                        s -> s.responseTimeSeconds().mean());
                chart(dir.resolve("sweep-energy.png"), result, "Device energy per sampling vs time weight", "J",
                        s -> s.energyJoules().mean());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the weight sweep into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void chart(Path file, Result result, String title, String yAxis,
                              ToDoubleFunction<MetricsSummary> metric) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(480).title(title).xAxisTitle("time weight w_t")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        for (String policy : result.policies()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Point p : result.points()) {
                if (p.policy().equals(policy)) {
                    x.add(p.timeWeight());
                    y.add(metric.applyAsDouble(p.summary()));
                }
            }
            chart.addSeries(policy, x, y);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
