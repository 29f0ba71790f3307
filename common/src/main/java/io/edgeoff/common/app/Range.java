package io.edgeoff.common.app;

import java.util.random.RandomGenerator;

/**
 * A closed interval {@code [min, max]} of non-negative values. A fixed value has {@code min == max}.
 * When both bounds are whole numbers a draw is a uniform whole number (bounds inclusive, as in the
 * seed); otherwise it is a uniform real number.
 */
public record Range(double min, double max) {
    public Range {
        if (!(min >= 0) || !Double.isFinite(min)) {
            throw new IllegalArgumentException("range minimum must be >= 0, but was " + min);
        }
        if (!(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range maximum must be >= minimum " + min + ", but was " + max);
        }
    }

    public static Range fixed(double value) {
        return new Range(value, value);
    }

    public boolean isFixed() {
        return min == max;
    }

    public double mean() {
        return (min + max) / 2.0;
    }

    /** Draws one value. Fixed ranges consume no randomness. */
    public double draw(RandomGenerator random) {
        if (isFixed()) {
            return min;
        }
        if (min == Math.rint(min) && max == Math.rint(max) && max - min < Integer.MAX_VALUE) {
            return min + random.nextInt((int) (max - min) + 1);
        }
        return min + random.nextDouble() * (max - min);
    }
}
