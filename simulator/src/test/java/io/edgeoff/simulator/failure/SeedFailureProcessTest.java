package io.edgeoff.simulator.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoff.common.scenario.TraceNode;
import io.edgeoff.simulator.Fixtures;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedFailureProcessTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void eachEpochASiteFailsWithOneMinusTheAvailabilityOfItsNextTraceDay(long seed) {
        double[] daily = {1.0, 0.9, 0.5, 0.2, 0.0};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        SeedFailureProcess process = new SeedFailureProcess(new SiteTrace[] {null, trace}, new int[] {0, 0},
                new SplittableRandom(seed));
        int cycles = 20_000;
        int[] down = new int[daily.length];

        for (int epoch = 0; epoch < cycles * daily.length; epoch++) {
            process.beginEpoch(epoch);
            if (process.attemptFails(1, epoch, 1)) {
                down[epoch % daily.length]++;
            }
            assertThat(process.attemptFails(0, epoch, 1)).as("the device never fails").isFalse();
        }

        for (int d = 0; d < daily.length; d++) {
            double p = 1 - daily[d];
            double tolerance = 4 * Math.sqrt(p * (1 - p) / cycles) + 1e-12;
            assertThat((double) down[d] / cycles).as("day %d", d).isBetween(p - tolerance, p + tolerance);
        }
        assertThat(process.epochs()).isEqualTo((long) cycles * daily.length);
    }

    @Test
    void outlookIsThatOfTheCurrentTraceDay() {
        double[] daily = {1.0, 0.25, 1.0};
        double[] forecast = {0.7, 0.6, 0.5};
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), forecast, daily);
        SeedFailureProcess process = new SeedFailureProcess(new SiteTrace[] {null, trace}, new int[] {0, 2},
                new SplittableRandom(1));

        process.beginEpoch(0);
        double first = process.outlook(1, 0).predictedAvailability();
        process.beginEpoch(1);
        double second = process.outlook(1, 1).predictedAvailability();

        assertThat(first).isEqualTo(0.5);
        assertThat(second).as("wraps to day 0").isEqualTo(0.7);
        assertThat(process.outlook(0, 1).predictedAvailability()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void lookingAheadSeesTheDrawsTheEpochsGetAndChangesNone(long seed) {
        double[] daily = Fixtures.randomSeries(seed, 30);
        SiteTrace trace = new SiteTrace(Fixtures.history(new TraceNode(1, 1), daily), daily, daily);
        SiteTrace other = new SiteTrace(Fixtures.history(new TraceNode(1, 2), daily), daily, daily);
        SiteTrace[] traces = {null, trace, other};
        SeedFailureProcess blind = new SeedFailureProcess(traces, new int[] {0, 3, 17}, new SplittableRandom(seed));
        SeedFailureProcess seeing = new SeedFailureProcess(traces, new int[] {0, 3, 17}, new SplittableRandom(seed));
        int epochs = 200;
        boolean[][] foreseen = new boolean[epochs][3];

        for (int epoch = 0; epoch < epochs; epoch++) {
            if (epoch % 7 == 0) {
                for (int ahead = 6; ahead >= 0; ahead--) {
                    for (int site = 0; site < 3 && epoch + ahead < epochs; site++) {
                        foreseen[epoch + ahead][site] = seeing.earliestSuccessStart(ahead, site, epoch, 0.5) == epoch;
                    }
                }
            }
            blind.beginEpoch(epoch);
            seeing.beginEpoch(epoch);
            for (int site = 0; site < 3; site++) {
                boolean fails = blind.attemptFails(site, epoch, 0.5);
                assertThat(seeing.attemptFails(site, epoch, 0.5)).as("epoch %d site %d", epoch, site).isEqualTo(fails);
                assertThat(foreseen[epoch][site]).as("foreseen, epoch %d site %d", epoch, site).isEqualTo(!fails);
            }
        }

        assertThat(seeing.earliestSuccessStart(0, 0, 3.0, 1.0)).as("the device").isEqualTo(3.0);
    }
}
