package io.edgeoff.simulator.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.common.site.Site;
import io.edgeoff.common.site.SiteKind;
import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.decision.policy.FailureEstimate;
import io.edgeoff.prediction.NodeForecast;
import io.edgeoff.simulator.Fixtures;
import io.edgeoff.simulator.availability.NodeHistory;
import org.junit.jupiter.api.Test;

class SiteTraceTest {
    private static final double DAY = NodeHistory.DAY_SECONDS;
    // day 1: down the first half; day 3: down all day
    private final SiteTrace trace = new SiteTrace(
            Fixtures.history(new TraceNode(1, 1), 1.0, 0.5, 1.0, 0.0, 1.0),
            new double[] {0.9, 0.8, 1.2, -0.1, 0.95},
            new double[] {1.0, 1.0, 0.5, 1.0, 0.0});

    @Test
    void aNodeThatNeverFailsHasNoLastFailureAndEfpoSeesItAsNeverFailing() {
        SiteTrace never = new SiteTrace(Fixtures.history(new TraceNode(1, 2), 1.0, 1.0, 1.0),
                new double[] {1, 1, 1}, new double[] {1, 1, 1});

        SiteOutlook outlook = never.outlookAt(1.5 * DAY);

        assertThat(outlook.mtbfHours()).isInfinite();
        assertThat(outlook.hoursSinceLastFailure()).isInfinite();
        assertThat(FailureEstimate.mtbf().failureProbability(new Site("EC", SiteKind.EDGE, 1000, 1, 1, 1), outlook))
                .isZero();
    }

    @Test
    void aNodeThatFailedOnceHasNoMtbfYetAndEfpoSeesItAsNeverFailing() {
        SiteTrace once = new SiteTrace(Fixtures.history(new TraceNode(1, 3), 1.0, 0.5, 1.0, 1.0),
                new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1});

        SiteOutlook outlook = once.outlookAt(3.5 * DAY);

        assertThat(outlook.mtbfHours()).as("one failure: no interval observed").isInfinite();
        assertThat(outlook.hoursSinceLastFailure()).isCloseTo(60.0, within(1e-9));
        assertThat(FailureEstimate.mtbf().failureProbability(new Site("EC", SiteKind.EDGE, 1000, 1, 1, 1), outlook))
                .isZero();
    }

    @Test
    void knowsWhenTheNodeIsDown() {
        assertThat(trace.downAt(0.5 * DAY)).isFalse();
        assertThat(trace.downAt(1.25 * DAY)).isTrue();
        assertThat(trace.downAt(1.5 * DAY)).isFalse();
        assertThat(trace.downAt(3.5 * DAY)).isTrue();
        assertThat(trace.downAt(6.25 * DAY)).as("replayed cyclically: day 6 is day 1").isTrue();
    }

    @Test
    void anAttemptFailsWhenAnOutageOverlapsAnyMomentOfIt() {
        assertThat(trace.downDuring(0.9 * DAY, 0.05 * DAY)).isFalse();
        assertThat(trace.downDuring(0.9 * DAY, 0.2 * DAY)).isTrue();
        assertThat(trace.downDuring(4.9 * DAY, 0.05 * DAY)).isFalse();
        assertThat(trace.downDuring(4.9 * DAY, 1.5 * DAY)).as("wraps into day 1 of the next cycle").isTrue();
    }

    @Test
    void boundariesAlternateBetweenOutageStartsAndEnds() {
        assertThat(trace.boundaries()).containsExactly(1 * DAY, 1.5 * DAY, 3 * DAY, 4 * DAY);
        assertThat(trace.firstBoundaryAfter(0)).isEqualTo(0);
        assertThat(trace.firstBoundaryAfter(1 * DAY)).isEqualTo(1);
        assertThat(trace.firstBoundaryAfter(3.2 * DAY)).isEqualTo(3);
        assertThat(trace.firstBoundaryAfter(4.5 * DAY)).isEqualTo(4);
    }

    @Test
    void outlookCombinesBothForecastsMtbfAndTimeSinceLastFailure() {
        SiteOutlook day2 = trace.dayStartOutlook(2);
        SiteOutlook day4 = trace.outlookAt(4.5 * DAY);

        assertThat(day2.predictedAvailability()).as("clamped to [0,1]").isEqualTo(1.0);
        assertThat(day2.downProbability()).as("1 - down forecast of day 2").isEqualTo(0.5);
        assertThat(day2.hoursSinceLastFailure()).isCloseTo(24.0, within(1e-9));
        assertThat(day4.predictedAvailability()).isEqualTo(0.95);
        assertThat(day4.downProbability()).isEqualTo(1.0);
        assertThat(day4.hoursSinceLastFailure()).isCloseTo(36.0, within(1e-9));
        assertThat(trace.dayStartOutlook(3).predictedAvailability()).isEqualTo(0.0);
        assertThat(day2.mtbfHours()).as("one failure before day 2: no interval observed").isInfinite();
        assertThat(day4.mtbfHours()).as("failures on day 1 and day 3 started before 4.5 days").isCloseTo(48.0, within(1e-9));
        assertThat(day2.suspected()).isFalse();
    }

    @Test
    void theOutlookIsThePredictionEnginesAtTheSameInstant() {
        NodeForecast engine = trace.forecastAt(4.5 * DAY);
        SiteOutlook outlook = trace.outlookAt(4.5 * DAY);

        assertThat(outlook.predictedAvailability()).isEqualTo(engine.predictedAvailability());
        assertThat(outlook.downProbability()).isEqualTo(engine.downProbability());
        assertThat(outlook.mtbfHours()).isEqualTo(engine.mtbfHours());
        assertThat(outlook.hoursSinceLastFailure()).isEqualTo(engine.hoursSinceLastFailure());
        assertThat(engine.down()).as("day 4 is up").isFalse();
        assertThat(trace.forecastAt(3.5 * DAY).down()).as("day 3 is down all day").isTrue();
    }

    @Test
    void eachCycleOfTheReplayKnowsOnlyItsOwnPast() {
        SiteOutlook firstCycle = trace.outlookAt(0.5 * DAY);
        SiteOutlook secondCycle = trace.outlookAt(5.5 * DAY);

        assertThat(firstCycle.hoursSinceLastFailure()).isInfinite();
        assertThat(secondCycle).isEqualTo(firstCycle);
    }

    @Test
    void theEndOfAnOverlappedOutageIsInTheCycleOfTheAttemptOrTheNextAfterTheWrap() {
        double day = NodeHistory.DAY_SECONDS;
        // day 1 down for its first half, day 3 down for its first quarter; a cycle is 4 days
        double[] daily = {1.0, 0.5, 1.0, 0.75};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);

        double inside = trace.endOfOverlappingOutage(1.2 * day, 0.1 * day);
        double before = trace.endOfOverlappingOutage(0.9 * day, 0.2 * day);
        double nextCycle = trace.endOfOverlappingOutage(4 * day + 1.1 * day, 0.1 * day);

        assertThat(inside).isEqualTo(1.5 * day);
        assertThat(before).as("the attempt runs into the outage").isEqualTo(1.5 * day);
        assertThat(nextCycle).as("the same outage, one cycle on").isEqualTo(5.5 * day);
        assertThat(trace.endOfOverlappingOutage(3.5 * day, 1.6 * day)).as("after the last outage, across the wrap")
                .isEqualTo(5.5 * day);
        assertThat(trace.outageCount()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trace.endOfOverlappingOutage(2.0 * day, 0.5 * day))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no outage overlaps");
    }
}
