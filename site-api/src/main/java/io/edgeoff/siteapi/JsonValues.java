package io.edgeoff.siteapi;

import java.util.List;
import java.util.Map;

/**
 * Reads one field of a JSON object bound as plain Java values (a {@code String}, a {@code Number},
 * a {@code Boolean}, a {@code List}, a {@code Map} or {@code null}, as Jackson binds an object into a
 * {@code Map<String, Object>}), strictly: a number is never read from a string nor a string from a
 * number. Bodies the site reads (task, outage) go through here; so does the site's fast task parser.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** @return the string value of a required field */
    public static String requiredString(Object value, String field) {
        if (value == null) {
            throw InvalidFieldException.missing(field);
        }
        if (!(value instanceof String s)) {
            throw InvalidFieldException.invalid(field, field + " must be a string, but was " + typeName(value));
        }
        return s;
    }

    /** @return the string value of an optional field, {@code ""} when absent or null */
    public static String optionalString(Object value, String field) {
        return value == null ? "" : requiredString(value, field);
    }

    /** @return the numeric value of a required field (any JSON number: integer, fraction, exponent) */
    public static double requiredNumber(Object value, String field) {
        if (value == null) {
            throw InvalidFieldException.missing(field);
        }
        if (!(value instanceof Number n)) {
            throw InvalidFieldException.invalid(field, field + " must be a number, but was " + typeName(value));
        }
        return n.doubleValue();
    }

    /** The JSON type of a bound value: {@code string}, {@code number}, {@code boolean}, {@code array}, {@code object}, {@code null}. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        return value.getClass().getSimpleName();
    }
}
