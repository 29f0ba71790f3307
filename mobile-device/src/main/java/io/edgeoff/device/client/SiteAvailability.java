package io.edgeoff.device.client;

import java.util.List;

/**
 * A site's {@code GET /v1/availability} answer: its prediction engine's forecast.
 *
 * @param siteId                 site id
 * @param predictor              predictor name
 * @param slotSeconds            length of one forecast slot, s
 * @param forecast               predicted availability per slot, each in [0,1]
 * @param mtbfHours              mean time between failures, h; infinite when the site sent null (fewer than two
 *                               failures observed) or nothing
 * @param hoursSinceLastFailure  hours since the site's last failure; infinite when the site sent null (never failed)
 */
public record SiteAvailability(String siteId, String predictor, double slotSeconds, List<Double> forecast,
                               double mtbfHours, double hoursSinceLastFailure) {
    public SiteAvailability {
        forecast = List.copyOf(forecast);
    }

    /** @return the forecast for the next slot, clamped to [0,1], or 1 when the forecast is empty */
    public double nextSlot() {
        if (forecast.isEmpty()) {
            return 1.0;
        }
        double a = forecast.get(0);
        return Double.isFinite(a) ? Math.max(0, Math.min(1, a)) : 1.0;
    }
}
