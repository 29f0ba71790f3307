package io.edgeoff.handlers;

import java.util.Map;

/** Reads integer parameters of a handler call, with a default and a range; a bad value names the parameter. */
final class Params {
    private Params() {
    }

    static int integer(Map<String, String> parameters, String name, int defaultValue, int min, int max) {
        String text = parameters.get(name);
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be an integer, but was '"
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("parameter " + name + " must be in [" + min + ", " + max + "], but was "
                    + value);
        }
        return value;
    }

    static long seed(Map<String, String> parameters, String name, long defaultValue) {
        String text = parameters.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be an integer, but was '"
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
        }
    }
}
