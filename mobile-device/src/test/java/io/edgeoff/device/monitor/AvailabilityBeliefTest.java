package io.edgeoff.device.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.device.ManualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The device's belief about a site's availability: Beta prior from the forecast, observed counts, decay. */
class AvailabilityBeliefTest {
    private static final double EPS = 1e-12;

    private final ManualClock clock = new ManualClock();
    private final AvailabilityBelief belief = new AvailabilityBelief(new BeliefConfig(4, 30, 0.5), clock);

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3, 0.97, 1.0})
    void withoutObservationsTheBeliefIsTheSitesForecast(double forecast) {
        assertThat(belief.availability("ED", forecast)).isCloseTo(forecast, within(EPS));
    }

    @Test
    void aSiteClaimingFullAvailabilityThatFailsEveryAttemptFallsAsKOverKPlusN() {
        for (int n = 1; n <= 10; n++) {
            belief.failed("ED");

            assertThat(belief.availability("ED", 1.0)).isCloseTo(4.0 / (4 + n), within(EPS));
        }
        assertThat(belief.availability("EC", 1.0)).isEqualTo(1.0);
    }

    @Test
    void successesAndSuspicionsCountAsStated() {
        belief.succeeded("ER");
        belief.succeeded("ER");
        belief.suspected("ER");

        assertThat(belief.availability("ER", 0.5)).isCloseTo((4 * 0.5 + 2) / (4 + 2 + 0.5), within(EPS));
    }

    @Test
    void observationsFadeWithTheHalfLifeAndTheForecastReturns() {
        for (int i = 0; i < 8; i++) {
            belief.failed("CD");
        }
        double now = belief.availability("CD", 1.0);
        clock.advanceMillis(30_000);
        double oneHalfLife = belief.availability("CD", 1.0);
        clock.advanceMillis(10 * 30_000);
        double muchLater = belief.availability("CD", 1.0);

        assertThat(now).isCloseTo(4.0 / 12, within(EPS));
        assertThat(oneHalfLife).isCloseTo(4.0 / 8, within(EPS));
        assertThat(muchLater).isCloseTo(1.0, within(0.01));
    }

    @Test
    void theOutlookKeepsTheForecastAndCarriesTheBeliefAsItsDownProbability() {
        belief.failed("ED");
        belief.failed("ED");
        belief.failed("ED");
        belief.failed("ED");
        SiteOutlook forecast = SiteOutlook.ofAvailability(1.0);

        SiteOutlook trusted = belief.outlook("ED", forecast);
        SiteOutlook suspected = belief.outlook("ED", forecast.withSuspicion(true));

        assertThat(trusted.predictedAvailability()).isEqualTo(1.0);
        assertThat(trusted.downProbability()).isCloseTo(0.5, within(EPS));
        assertThat(suspected.downProbability()).isEqualTo(1.0);
        assertThat(suspected.suspected()).isTrue();
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new BeliefConfig(0, 30, 0.5)).hasMessage("priorStrength must be finite and > 0, but was 0.0");
        assertThatThrownBy(() -> new BeliefConfig(4, -1, 0.5)).hasMessage("halfLifeSeconds must be finite and > 0, but was -1.0");
        assertThatThrownBy(() -> belief.availability("ED", 1.2)).hasMessage("forecast must be in [0,1], but was 1.2");
    }
}
