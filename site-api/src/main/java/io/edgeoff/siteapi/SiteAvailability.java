package io.edgeoff.siteapi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /v1/availability}: the site's prediction engine's forecast.
 *
 * @param siteId                 site id, not blank
 * @param predictor              predictor name
 * @param slotSeconds            wall-clock length of one forecast slot, s, &gt; 0
 * @param forecast               predicted availability per slot, each in [0,1]
 * @param mtbfHours              mean time between failures, wall-clock h, &gt; 0; {@code +Infinity} ("no failure
 *                               interval observed yet"), sent as {@code null}
 * @param hoursSinceLastFailure  wall-clock hours since the site's last failure began, &gt;= 0; {@code +Infinity}
 *                               (never failed), sent as {@code null}
 * @param metrics                the predictor's last evaluation metrics (name to value; NaN and infinities are
 *                               sent as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"})
 * @param servedPredictors       the names the site serves at {@code ?predictor=NAME} (the default first), not empty;
 *                               {@code best} stands for the engine's best walk-forward model; optional on the wire
 *                               (a site that predates it serves only {@code predictor})
 */
@JsonPropertyOrder({"siteId", "predictor", "slotSeconds", "forecast", "mtbfHours", "hoursSinceLastFailure", "metrics",
        "servedPredictors"})
public record SiteAvailability(
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "predictor", required = true) String predictor,
        @JsonProperty(value = "slotSeconds", required = true) double slotSeconds,
        @JsonProperty(value = "forecast", required = true) List<Double> forecast,
        @JsonIgnore double mtbfHours,
        @JsonIgnore double hoursSinceLastFailure,
        @JsonProperty(value = "metrics", required = true) Map<String, Double> metrics,
        @JsonProperty(value = "servedPredictors") List<String> servedPredictors) {
    public SiteAvailability {
        Checks.notBlank(siteId, "siteId");
        Checks.present(predictor, "predictor");
        if (!(slotSeconds > 0) || Double.isInfinite(slotSeconds)) {
            throw InvalidFieldException.invalid("slotSeconds", "slotSeconds must be a finite number > 0, but was "
                    + slotSeconds);
        }
        Checks.present(forecast, "forecast");
        for (int i = 0; i < forecast.size(); i++) {
            Double a = forecast.get(i);
            if (a == null || !(a >= 0 && a <= 1)) {
                throw InvalidFieldException.invalid("forecast", "forecast[" + i + "] must be in [0, 1], but was " + a);
            }
        }
        forecast = List.copyOf(forecast);
        if (!(mtbfHours > 0)) {
            throw InvalidFieldException.invalid("mtbfHours", "mtbfHours must be > 0 (or null: infinite), but was "
                    + mtbfHours);
        }
        if (!(hoursSinceLastFailure >= 0)) {
            throw InvalidFieldException.invalid("hoursSinceLastFailure",
                    "hoursSinceLastFailure must be >= 0 (or null: infinite), but was " + hoursSinceLastFailure);
        }
        Checks.present(metrics, "metrics");
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw InvalidFieldException.invalid("metrics", "metrics must map names to numbers, but had "
                        + e.getKey() + "=" + e.getValue());
            }
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Checks.present(servedPredictors, "servedPredictors");
        if (servedPredictors.isEmpty() || servedPredictors.stream().anyMatch(n -> n == null || n.isBlank())) {
            throw InvalidFieldException.invalid("servedPredictors", "servedPredictors must be a non-empty list of"
                    + " names, but was " + servedPredictors);
        }
        servedPredictors = List.copyOf(servedPredictors);
    }

    /** An answer of a site that serves only {@code predictor}. */
    public SiteAvailability(String siteId, String predictor, double slotSeconds, List<Double> forecast,
                            double mtbfHours, double hoursSinceLastFailure, Map<String, Double> metrics) {
        this(siteId, predictor, slotSeconds, forecast, mtbfHours, hoursSinceLastFailure, metrics,
                predictor == null ? null : List.of(predictor));
    }

    /** Jackson's way in: the body bound as plain values; {@code null} hours are infinite. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SiteAvailability fromJson(Map<String, Object> json) {
        if (json == null) {
            throw new IllegalArgumentException("an availability answer must be a JSON object");
        }
        Object forecast = json.get("forecast");
        if (forecast != null && !(forecast instanceof List<?>)) {
            throw InvalidFieldException.invalid("forecast", "forecast must be an array, but was "
                    + JsonValues.typeName(forecast));
        }
        List<Double> slots = new ArrayList<>();
        if (forecast != null) {
            for (Object v : (List<?>) forecast) {
                slots.add(JsonValues.requiredNumber(v, "forecast"));
            }
        }
        Object metrics = json.get("metrics");
        if (metrics != null && !(metrics instanceof Map<?, ?>)) {
            throw InvalidFieldException.invalid("metrics", "metrics must be an object, but was "
                    + JsonValues.typeName(metrics));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (metrics != null) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) metrics).entrySet()) {
                values.put(String.valueOf(e.getKey()), metric(e.getValue()));
            }
        }
        Object served = json.get("servedPredictors");
        if (served != null && !(served instanceof List<?>)) {
            throw InvalidFieldException.invalid("servedPredictors", "servedPredictors must be an array, but was "
                    + JsonValues.typeName(served));
        }
        List<String> names = new ArrayList<>();
        if (served != null) {
            for (Object v : (List<?>) served) {
                names.add(JsonValues.requiredString(v, "servedPredictors"));
            }
        }
        return new SiteAvailability(
                JsonValues.requiredString(json.get("siteId"), "siteId"),
                JsonValues.requiredString(json.get("predictor"), "predictor"),
                JsonValues.requiredNumber(json.get("slotSeconds"), "slotSeconds"),
                forecast == null ? null : slots,
                hours(json, "mtbfHours"),
                hours(json, "hoursSinceLastFailure"),
                metrics == null ? null : values,
                served == null ? (json.get("predictor") instanceof String p ? List.of(p) : null) : names);
    }

    /** A metric's value: a number, or NaN or an infinity as Jackson writes them (as strings). */
    private static double metric(Object value) {
        if (value instanceof String s && NON_FINITE.contains(s)) {
            return Double.parseDouble(s);
        }
        return JsonValues.requiredNumber(value, "metrics");
    }

    private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");

    /** A nullable number of hours that must be present: null is infinite. */
    private static double hours(Map<String, Object> json, String field) {
        if (!json.containsKey(field)) {
            throw InvalidFieldException.missing(field);
        }
        Object value = json.get(field);
        return value == null ? Double.POSITIVE_INFINITY : JsonValues.requiredNumber(value, field);
    }

    /** @return {@link #mtbfHours()} as sent: null when infinite (JSON has no infinity) */
    @JsonProperty(value = "mtbfHours", required = true)
    Double mtbfHoursOrNull() {
        return Double.isFinite(mtbfHours) ? mtbfHours : null;
    }

    /** @return {@link #hoursSinceLastFailure()} as sent: null when infinite */
    @JsonProperty(value = "hoursSinceLastFailure", required = true)
    Double hoursSinceLastFailureOrNull() {
        return Double.isFinite(hoursSinceLastFailure) ? hoursSinceLastFailure : null;
    }

    /** @return the forecast for the next slot, or 1 when the forecast is empty */
    public double nextSlot() {
        return forecast.isEmpty() ? 1.0 : forecast.get(0);
    }

}
