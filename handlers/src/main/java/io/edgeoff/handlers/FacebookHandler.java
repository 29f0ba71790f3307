package io.edgeoff.handlers;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * FACEBOOK's POST_REQUEST / PROCESS_RESPONSE: JSON building and compression. The input is a feed of
 * posts, one per line, {@code userId<TAB>epochSeconds<TAB>text}; the handler builds the JSON
 * document of the feed ({@code {"posts":[{"user":..,"time":..,"text":"..","words":..},..]}}, text
 * escaped as JSON requires, words counted) and compresses it with DEFLATE (level 6, zlib format):
 * the work is linear in the input. Output: the compressed document (with {@code forward=true}, {@link Forwarding}:
 * the feed lines, then {@code #zlib <base64 of it>}).
 */
public final class FacebookHandler implements TaskHandler {
    public static final String NAME = "facebook";
    private static final String[] WORDS = ("the a edge cloud photo friends today great \"quoted\" new post like share "
            + "weekend coffee run with at home café 🙂 back\\slash line\tbreak lunch city music").split(" ");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "FACEBOOK POST_REQUEST: JSON document of a feed, DEFLATE-compressed";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        int level = Params.integer(parameters, "level", 6, 0, 9);
        String feed = new String(input, StandardCharsets.UTF_8);
        boolean forward = Forwarding.isOn(parameters);
        StringBuilder forwarded = new StringBuilder(forward ? input.length : 0);
        StringBuilder json = new StringBuilder(input.length + input.length / 4 + 16).append("{\"posts\":[");
        int line = 0;
        int at = 0;
        while (at < feed.length()) {
            int end = feed.indexOf('\n', at);
            if (end < 0) {
                end = feed.length();
            }
            if (forward && end > at && feed.charAt(at) == '#') {
                at = end + 1; // an earlier task's result, forwarded
                continue;
            }
            if (end > at) {
                if (forward) {
                    forwarded.append(feed, at, end).append('\n');
                }
                post(json, feed, at, end, ++line);
                if ((line & 0x3FF) == 0) {
                    context.checkpoint();
                }
            }
            at = end + 1;
        }
        json.append("]}");
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(json.toString().getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length() / 4));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
                context.checkpoint();
            }
            if (forward) {
                forwarded.append("#zlib ").append(java.util.Base64.getEncoder().encodeToString(out.toByteArray()))
                        .append('\n');
                return forwarded.toString().getBytes(StandardCharsets.UTF_8);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void post(StringBuilder json, String feed, int from, int to, int line) {
        int tab1 = feed.indexOf('\t', from);
        int tab2 = tab1 < 0 ? -1 : feed.indexOf('\t', tab1 + 1);
        if (tab1 < 0 || tab2 < 0 || tab2 >= to) {
            throw new IllegalArgumentException("feed line " + line + " must be userId<TAB>epochSeconds<TAB>text");
        }
        long user = number(feed, from, tab1, line, "userId");
        long time = number(feed, tab1 + 1, tab2, line, "epochSeconds");
        if (line > 1) {
            json.append(',');
        }
        json.append("{\"user\":").append(user).append(",\"time\":").append(time).append(",\"text\":\"");
        int words = 0;
        boolean inWord = false;
        for (int i = tab2 + 1; i < to; i++) {
            char c = feed.charAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\t' -> json.append("\\t");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append("\",\"words\":").append(words).append('}');
    }

    private static long number(String feed, int from, int to, int line, String field) {
        try {
            return Long.parseLong(feed, from, to, 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("feed line " + line + ": " + field + " must be an integer");
        }
    }

    /** A feed of about {@code bytes} bytes from {@code seed}: posts of 5 to 40 words by 1000 users over a week. */
    public static byte[] input(long seed, int bytes) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder feed = new StringBuilder(bytes + 256);
        while (feed.length() < bytes) {
            feed.append(random.nextInt(1000)).append('\t').append(1_700_000_000L + random.nextInt(604_800)).append('\t');
            int words = 5 + random.nextInt(36);
            for (int w = 0; w < words; w++) {
                feed.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            feed.append('\n');
        }
        return feed.toString().getBytes(StandardCharsets.UTF_8);
    }
}
