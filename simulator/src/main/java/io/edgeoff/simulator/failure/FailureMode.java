package io.edgeoff.simulator.failure;

import java.util.Arrays;
import java.util.Locale;

/** How site failures are simulated. */
public enum FailureMode {
    /**
     * The seed's model (ORIGINAL.md section 6): at the start of every epoch (ready set) each remote site
     * is down for the whole epoch with probability {@code 1 - a}, where {@code a} is the actual availability
     * of the next day of its trace node; every epoch consumes one trace day.
     */
    SEED,
    /**
     * Trace replay: the node's outages happen in virtual time, {@code compression} trace seconds per
     * simulated second; an attempt fails when its site is down at any moment of the attempt.
     */
    TIME;

    /** Parses {@code seed} or {@code time} (case-insensitive). */
    public static FailureMode parse(String text) {
        for (FailureMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("failure mode must be one of " + Arrays.stream(values())
                .map(FailureMode::cliName).toList() + ", but was '" + text + "'");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
