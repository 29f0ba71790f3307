package io.edgeoff.prediction.evaluation;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.SeedCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fit + predict time of one predictor per seed node candidate on the chronological split ({@code edgeoff predict
 * timing}): two warm-up passes over every node (so the JIT has compiled the solver), then the minimum of
 * {@code repeat} timed passes.
 */
public final class PredictorTiming {
    private PredictorTiming() {
    }

    /**
     * One node's timing.
     *
     * @param node          the node
     * @param slots         slots of its series
     * @param testNrmse     NRMSE on the test part of the last pass
     * @param fitPredictNanos the fastest pass's fit + forecast time
     */
    public record Row(NodeId node, int slots, double testNrmse, long fitPredictNanos) {
    }

    /** @throws IllegalArgumentException when {@code repeat} is below 1 */
    public static int requireRepeat(int repeat) {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be >= 1, but was " + repeat);
        }
        return repeat;
    }

    /** @throws IllegalArgumentException when {@code repeat} is below 1 or a candidate is not in the trace */
    public static List<Row> run(FailureTrace trace, Predictor.Trainer trainer, int repeat, Duration slot) {
        requireRepeat(repeat);
        Evaluator ev = Evaluator.ofDefaults();
        List<NodeId> ids = SeedCategory.seedCandidates();
        List<AvailabilitySeries> series = new ArrayList<>();
        for (NodeId id : ids) {
            series.add(AvailabilitySeries.of(id, trace.outagesOf(id), slot));
        }
        for (int pass = 0; pass < 2; pass++) {
            series.forEach(s -> ev.evaluate(trainer, s, Protocol.CHRONOLOGICAL));
        }
        long[] best = new long[ids.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        EvaluationResult[] last = new EvaluationResult[ids.size()];
        for (int i = 0; i < repeat; i++) {
            for (int j = 0; j < ids.size(); j++) {
                last[j] = ev.evaluate(trainer, series.get(j), Protocol.CHRONOLOGICAL);
                best[j] = Math.min(best[j], last[j].elapsedNanos());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < ids.size(); j++) {
            rows.add(new Row(ids.get(j), series.get(j).size(), last[j].metrics().nrmse(), best[j]));
        }
        return rows;
    }
}
