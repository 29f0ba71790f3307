package io.edgeoff.site;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Misbehaving handlers on this module's test class path (registered in its test services file). */
public final class SiteTestHandlers {
    private SiteTestHandlers() {
    }

    /** Throws an exception whose message holds a line break and a secret-looking path. */
    public static final class Throwing implements TaskHandler {
        @Override
        public String name() {
            return "test-throwing";
        }

        @Override
        public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
            throw new IllegalStateException("cannot open /etc/shadow\n\tat evil.Frame(Evil.java:1)");
        }
    }

    /** Loops until stopped at a checkpoint. */
    public static final class Looping implements TaskHandler {
        @Override
        public String name() {
            return "test-looping";
        }

        @Override
        public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
            while (true) {
                context.checkpoint();
            }
        }
    }

    /** Allocates 4 MiB at a time, keeping it, until stopped. */
    public static final class Hungry implements TaskHandler {
        @Override
        public String name() {
            return "test-hungry";
        }

        @Override
        public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
            List<byte[]> kept = new ArrayList<>();
            while (true) {
                kept.add(new byte[4 << 20]);
                context.checkpoint();
            }
        }
    }

    /** Returns {@code bytes} bytes (parameter). */
    public static final class Verbose implements TaskHandler {
        @Override
        public String name() {
            return "test-verbose";
        }

        @Override
        public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
            return new byte[Integer.parseInt(parameters.getOrDefault("bytes", "0"))];
        }
    }
}
