package io.edgeoff.prediction.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoff.prediction.LanlData;
import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.predictor.Predictors;
import io.edgeoff.prediction.trace.NodeId;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our availability series and SVR against values recorded from an independent Python computation with
 * scikit-learn (prediction/scripts/sklearn_svr_golden.py; regenerate as its docstring says).
 */
class SklearnParityTest {
    private JsonNode golden;

    @BeforeEach
    void loadGolden() throws IOException {
        assumeTrue(LanlData.find().isPresent(), LanlData.MISSING);
        try (InputStream in = getClass().getResourceAsStream("/golden/sklearn-svr.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    private AvailabilitySeries series(JsonNode n) {
        NodeId id = new NodeId(n.get("system").asInt(), n.get("node").asInt());
        return AvailabilitySeries.of(id, LanlData.trace().outagesOf(id), AvailabilitySeries.DAY);
    }

    @Test
    void dailyAvailabilityOfEverySeedCandidateMatchesTheIndependentComputation() {
        for (JsonNode n : golden.get("nodes")) {
            AvailabilitySeries s = series(n);

            assertThat(s.size()).as(s.nodeId().toString()).isEqualTo(n.get("slots").asInt());
            assertThat(Arrays.stream(s.values()).sum()).as(s.nodeId().toString())
                    .isCloseTo(n.get("availabilitySum").asDouble(), within(1e-9));
        }
    }

    @Test
    void seedSvrTestNrmseMatchesScikitLearnWithin1eMinus3OnEverySeedCandidate() {
        int matched = 0;
        for (JsonNode n : golden.get("nodes")) {
            AvailabilitySeries s = series(n);
            if (s.size() > 1400) {
                continue; // keeps the test fast: the largest series take up to seconds in LIBSVM
            }

            EvaluationResult r = Evaluator.ofDefaults().evaluate(Predictors.trainer("svr"), s, Protocol.CHRONOLOGICAL);

            assertThat(r.trainSlots()).isEqualTo(n.get("trainSlots").asInt());
            assertThat(r.metrics().nrmse()).as(s.nodeId().toString()).isCloseTo(n.get("testNrmse").asDouble(), within(1e-3));
            matched++;
        }
        assertThat(matched).isGreaterThanOrEqualTo(5);
    }
}
