package com.example.hello;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An example task handler: greets the UTF-8 name in its input and counts the input's words. A template: a
 * handler is public, has a public no-argument constructor, keeps no state between calls, and is listed in
 * {@code META-INF/services/io.edgeoff.task.TaskHandler}.
 *
 * <p>Input: a name (UTF-8). Parameter {@code greeting} (default {@code Hello}). Output (UTF-8):
 * {@code <greeting>, <name>! (<words> words)}.
 */
public final class HelloHandler implements TaskHandler {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String description() {
        return "example: greets the name in its input";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        String name = new String(input, StandardCharsets.UTF_8).strip();
        if (name.isEmpty()) {
            // Refused input: reported to the client as HANDLER_INVALID_INPUT with this message.
            throw new IllegalArgumentException("input must be a name, but was empty");
        }
        String greeting = parameters.getOrDefault("greeting", "Hello");
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < name.length(); i++) {
            if (i % 4096 == 0) {
                context.checkpoint(); // long loops check their budget now and then
            }
            boolean letter = !Character.isWhitespace(name.charAt(i));
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return (greeting + ", " + name + "! (" + words + " words)").getBytes(StandardCharsets.UTF_8);
    }
}
