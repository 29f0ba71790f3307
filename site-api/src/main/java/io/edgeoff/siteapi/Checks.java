package io.edgeoff.siteapi;

/** The value rules the records share; each failure names the field and the value. */
final class Checks {
    private Checks() {
    }

    static String notBlank(String value, String field) {
        if (value == null) {
            throw InvalidFieldException.missing(field);
        }
        if (value.isBlank()) {
            throw InvalidFieldException.invalid(field, field + " must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw InvalidFieldException.missing(field);
        }
        return value;
    }

    static double finiteAtLeast(double value, double min, String field) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw InvalidFieldException.invalid(field, field + " must be a finite number >= " + format(min)
                    + ", but was " + value);
        }
        return value;
    }

    static double inRange(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw InvalidFieldException.invalid(field, field + " must be in [" + format(min) + ", " + format(max)
                    + "], but was " + value);
        }
        return value;
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
