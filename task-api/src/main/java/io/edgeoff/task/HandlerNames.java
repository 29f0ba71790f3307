package io.edgeoff.task;

import java.util.regex.Pattern;

/** The rule for handler names: 1 to 64 characters of {@code a-z 0-9 . _ -}, starting with a letter or digit. */
public final class HandlerNames {
    /** Longest handler name, characters. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private HandlerNames() {
    }

    /** @return true when {@code name} is a valid handler name */
    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @return {@code name} shortened for a message (at most 40 characters, control characters as '?') */
    public static String quote(String name) {
        if (name == null) {
            return "null";
        }
        String s = name.length() <= 40 ? name : name.substring(0, 40) + "...";
        StringBuilder out = new StringBuilder("'");
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.append('\'').toString();
    }
}
