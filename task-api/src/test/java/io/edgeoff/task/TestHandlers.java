package io.edgeoff.task;

import java.util.Map;

/** Handlers for the tests of this module. */
public final class TestHandlers {
    private TestHandlers() {
    }

    /** Returns its input followed by the parameter {@code suffix}; registered in this module's test services file. */
    public static final class Echo implements TaskHandler {
        @Override
        public String name() {
            return "test-echo";
        }

        @Override
        public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
            byte[] suffix = parameters.getOrDefault("suffix", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] out = java.util.Arrays.copyOf(input, input.length + suffix.length);
            System.arraycopy(suffix, 0, out, input.length, suffix.length);
            return out;
        }
    }

    /** A handler given as a lambda-like pair of a name and a body. */
    static TaskHandler named(String name, Body body) {
        return new TaskHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) throws Exception {
                return body.handle(input, parameters, context);
            }
        };
    }

    @FunctionalInterface
    interface Body {
        byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) throws Exception;
    }
}
