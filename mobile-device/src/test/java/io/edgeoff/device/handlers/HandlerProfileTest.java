package io.edgeoff.device.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HandlerProfileTest {
    /** A handler whose true cost is 2 ms + 30 ns per byte, measured with +-5 % seeded noise. */
    private static double measured(SplittableRandom random, long bytes) {
        return (0.002 + 30e-9 * bytes) * (1 + random.nextDouble(-0.05, 0.05));
    }

    @Test
    void withoutObservationsThePredictionIsThePrior() {
        HandlerProfile profile = new HandlerProfile((h, s) -> new HandlerProfile.Prior(0.01, 1e-8), 5);

        assertThat(profile.predictSeconds("antivirus", "ED", 1_000_000)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void learnsTheRealCostFromMeasuredExecutionsDespiteAWrongPrior() {
        HandlerProfile profile = new HandlerProfile((h, s) -> new HandlerProfile.Prior(0.5, 0), 5);
        SplittableRandom random = new SplittableRandom(15);

        for (int i = 0; i < 40; i++) {
            long bytes = 10_000 + random.nextInt(4_000_000);
            profile.observe("antivirus", "ED", bytes, measured(random, bytes));
        }

        double truth = 0.002 + 30e-9 * 3_000_000;
        assertThat(profile.predictSeconds("antivirus", "ED", 3_000_000)).isBetween(truth * 0.9, truth * 1.1);
        HandlerProfile.Stats stats = profile.stats("antivirus", "ED", 20);
        assertThat(stats.executions()).isEqualTo(40);
        assertThat(stats.meanAbsoluteRelativeError()).isLessThan(0.15);
        assertThat(profile.stats("antivirus", "ED", 0).meanAbsoluteRelativeError())
                .isGreaterThan(stats.meanAbsoluteRelativeError());
    }

    @Test
    void eachHandlerAndSiteLearnsApart() {
        HandlerProfile profile = new HandlerProfile((h, s) -> new HandlerProfile.Prior(0.1, 0), 1);

        for (int i = 0; i < 30; i++) {
            profile.observe("chess", "ED", 100, 0.004);
        }

        // the prior counts as one execution: the mean of 30 x 4 ms and one 100 ms
        assertThat(profile.predictSeconds("chess", "ED", 100)).isCloseTo((30 * 0.004 + 0.1) / 31,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(profile.predictSeconds("chess", "EC", 100)).isEqualTo(0.1);
        assertThat(profile.stats("chess", "EC", 0).meanAbsoluteRelativeError()).isNaN();
        assertThatThrownBy(() -> profile.observe("chess", "ED", 1, -1)).hasMessageContaining("measuredSeconds");
    }
}
