package io.edgeoff.prediction.availability;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses slot lengths such as {@code 1d}, {@code 6h}, {@code 30m}, {@code 90s} or ISO-8601 {@code PT6H}. */
public final class SlotLength {
    private SlotLength() {
    }

    /**
     * @throws IllegalArgumentException naming the text if it is not a duration or not &gt; 0
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("p") || t.startsWith("-p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else {
                char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
                long amount = Long.parseLong(t.substring(0, Math.max(0, t.length() - 1)));
                d = switch (unit) {
                    case 'd' -> Duration.ofDays(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 's' -> Duration.ofSeconds(amount);
                    default -> throw new IllegalArgumentException("slot length must be a number with unit d, h, m "
                            + "or s (e.g. 1d, 6h) or ISO-8601 (PT6H), but was '" + text + "'");
                };
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("slot length must be a number with unit d, h, m or s (e.g. 1d, 6h) "
                    + "or ISO-8601 (PT6H), but was '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("slot length must be > 0, but was '" + text + "'");
        }
        return d;
    }

    /** Short form: {@code 1d}, {@code 6h}, {@code 30m}, {@code 90s}, else ISO-8601. */
    public static String format(Duration d) {
        if (d.toNanosPart() == 0) {
            long s = d.toSeconds();
            if (s % 86400 == 0) {
                return s / 86400 + "d";
            }
            if (s % 3600 == 0) {
                return s / 3600 + "h";
            }
            if (s % 60 == 0) {
                return s / 60 + "m";
            }
            return s + "s";
        }
        return d.toString();
    }
}
