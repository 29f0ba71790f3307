package io.edgeoff.site.injection;

import java.util.Arrays;
import java.util.Locale;

/** How a site fails during an injected outage. */
public enum OutageMode {
    /** The process exits (exit code {@link #CRASH_EXIT_CODE}); a supervisor restarts it. */
    CRASH,
    /** The site stops listening: connections are refused. */
    REFUSE,
    /** The site accepts requests and never answers them (until the outage ends). */
    HANG,
    /** The site answers every task and health request with 503. */
    ERROR;

    /** Exit code of a crashed site process. */
    public static final int CRASH_EXIT_CODE = 75;

    /** Parses {@code crash|refuse|hang|error} (any case). */
    public static OutageMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown outage mode '" + text + "'; known modes: "
                    + Arrays.stream(values()).map(OutageMode::label).toList());
        }
    }

    /** @return the lower-case name used in files and on the wire */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
