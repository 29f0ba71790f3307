package io.edgeoff.prediction.predictor;

import io.edgeoff.prediction.availability.AvailabilitySeries;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Daily test series from values (outages are made to match the values: each loss ends at the slot's end). */
final class Series {
    static final NodeId NODE = new NodeId(1, 1);
    static final Instant T0 = Instant.parse("2000-01-01T00:00:00Z");

    private Series() {
    }

    static AvailabilitySeries daily(double... values) {
        List<Outage> outages = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 1) {
                long downSeconds = Math.round((1 - values[i]) * 86400);
                Instant end = T0.plus(Duration.ofDays(i + 1));
                outages.add(new Outage(NODE, end.minusSeconds(downSeconds), Duration.ofSeconds(downSeconds)));
            }
        }
        return new AvailabilitySeries(NODE, T0, AvailabilitySeries.DAY, values, outages);
    }
}
