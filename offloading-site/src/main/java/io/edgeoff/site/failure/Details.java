package io.edgeoff.site.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value key=value} convention for record details (values without spaces). */
public final class Details {
    private Details() {
    }

    /** Builds a detail string from alternating keys and values; spaces in values become {@code _}. */
    public static String of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(keysAndValues[i]).append('=').append(String.valueOf(keysAndValues[i + 1]).replace(' ', '_'));
        }
        return sb.toString();
    }

    /** Parses a detail string; tokens without {@code =} are ignored. */
    public static Map<String, String> parse(String detail) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String token : detail.split(" ")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                map.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return map;
    }
}
