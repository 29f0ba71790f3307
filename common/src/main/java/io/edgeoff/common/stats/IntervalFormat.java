package io.edgeoff.common.stats;

import java.util.Locale;

/**
 * The one way a half-width is written, so that an undefined one ({@code NaN}, a mean of a single value; see
 * {@link MeanInterval}) reads the same in every report: {@value #UNDEFINED_TEXT} in text, an empty field in CSV,
 * {@code null} in JSON. Numbers use {@link Locale#ROOT}.
 */
public final class IntervalFormat {
    /** Text for an undefined half-width. */
    public static final String UNDEFINED_TEXT = "n/a";

    private IntervalFormat() {
    }

    /** @return {@code halfWidth95} formatted with {@code format} (e.g. {@code "%.3f"}), or "n/a" when undefined */
    public static String text(String format, double halfWidth95) {
        return Double.isNaN(halfWidth95) ? UNDEFINED_TEXT : String.format(Locale.ROOT, format, halfWidth95);
    }

    /** @return {@code halfWidth95} formatted with {@code format}, or the empty string when undefined */
    public static String csv(String format, double halfWidth95) {
        return Double.isNaN(halfWidth95) ? "" : String.format(Locale.ROOT, format, halfWidth95);
    }

    /** @return {@code halfWidth95} as {@link Double#toString}, or the empty string when undefined */
    public static String csv(double halfWidth95) {
        return Double.isNaN(halfWidth95) ? "" : Double.toString(halfWidth95);
    }

    /** @return {@code halfWidth95} boxed, or {@code null} when undefined (for a JSON writer) */
    public static Double json(double halfWidth95) {
        return Double.isNaN(halfWidth95) ? null : halfWidth95;
    }

    /**
     * Reads a half-width written by {@link #csv}: an empty field (or "NaN", as older files have) is undefined.
     *
     * @throws NumberFormatException when the field is neither empty nor a number
     */
    public static double parseCsv(String field) {
        String f = field.strip();
        return f.isEmpty() ? Double.NaN : Double.parseDouble(f);
    }
}
