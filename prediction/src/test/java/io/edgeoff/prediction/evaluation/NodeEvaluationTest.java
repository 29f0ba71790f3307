package io.edgeoff.prediction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictor;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.synthetic.SyntheticTraces;
import io.edgeoff.prediction.trace.FailureTrace;
import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The predict command's domain: one model on one node, the comparison report, the timing rows. */
class NodeEvaluationTest {
    private static final FailureTrace TRACE = SyntheticTraces.defaultTrace();
    private static final NodeId NODE = new NodeId(16, 1);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void evaluatesUnderTheProtocolAndForecastsFromAModelTrainedOnTheWholeSeries() {
        Predictor.Trainer trainer = Predictors.trainer("ewma", 5725);
        Evaluator evaluator = Evaluator.ofDefaults();

        NodeEvaluation e = NodeEvaluation.run(TRACE, NODE, DAY, trainer, Protocol.CHRONOLOGICAL, evaluator, 5);

        AvailabilitySeries series = AvailabilitySeries.of(NODE, TRACE.outagesOf(NODE), DAY);
        assertThat(e.series().values()).containsExactly(series.values());
        assertThat(e.evaluation().metrics()).isEqualTo(
                evaluator.evaluate(trainer, series, Protocol.CHRONOLOGICAL).metrics());
        assertThat(e.forecast()).containsExactly(trainer.train(series).forecast(series, 5));
        assertThat(e.outageProbability()).containsExactly(trainer.train(series).outageProbability(series, 5));
    }

    @Test
    void theCompareReportNamesTheRefitPeriodOnlyForWalkForwardAndAddsPerNodeTablesOnRequest() {
        List<NodeId> nodes = List.of(NODE, new NodeId(16, 8));
        Evaluator evaluator = Evaluator.ofDefaults().withRefitEvery(30);
        Comparison chronological = Comparison.run(TRACE, nodes, List.of("ewma"), Protocol.CHRONOLOGICAL, evaluator, DAY);
        Comparison walkForward = Comparison.run(TRACE, nodes, List.of("ewma"), Protocol.WALK_FORWARD, evaluator, DAY);

        assertThat(chronological.report(30, false)).isEqualTo(chronological.summaryTable() + "\n");
        assertThat(walkForward.report(30, true)).startsWith(walkForward.summaryTable()
                        + "(walk-forward: retrained every 30 slots)\n")
                .contains("(NRMSE per node)", "(Brier per node)").endsWith("\n\n");
    }

    @Test
    void timingGivesOneRowPerSeedCandidateAndRefusesNoRepeat() {
        List<PredictorTiming.Row> rows = PredictorTiming.run(TRACE, Predictors.trainer("ewma"), 1, DAY);

        assertThat(rows).extracting(PredictorTiming.Row::node)
                .containsExactlyElementsOf(io.edgeoff.prediction.trace.SeedCategory.seedCandidates());
        assertThat(rows).allSatisfy(r -> assertThat(r.fitPredictNanos()).isPositive());
        assertThatThrownBy(() -> PredictorTiming.run(TRACE, Predictors.trainer("ewma"), 0, DAY))
                .hasMessage("--repeat must be >= 1, but was 0");
    }
}
