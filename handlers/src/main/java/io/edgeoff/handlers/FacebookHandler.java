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
 *
 * <p>With {@code effortMi=N} ({@link Effort}) the handler also builds and compresses, at level 9, more views of the
 * feed: view v (1, 2, ...) holds the posts whose {@code (userId + v) mod 4 == 0}, newest line first when
 * {@code v / 4} is odd, until {@code N x }{@value #JSON_BYTES_PER_MI} bytes of JSON have been built and compressed in
 * all (the full feed included; at most {@value #MAX_VIEWS} views). With {@code forward=true} a line
 * {@code #views V json B compressed C} then comes before the {@code #zlib} line.
 */
public final class FacebookHandler implements TaskHandler {
    public static final String NAME = "facebook";
    /** JSON bytes built and compressed per million instructions of effort (calibrated: docs/PERFORMANCE.md). */
    static final double JSON_BYTES_PER_MI = 7_500;
    /** Most views of a call with an effort. */
    static final int MAX_VIEWS = 10_000;
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
        byte[] compressed = compress(json.toString().getBytes(StandardCharsets.UTF_8), level, context);
        int effortMi = Effort.millionInstructions(parameters);
        if (effortMi > 0) {
            String views = views(feed, forward, json.length(), compressed.length,
                    Effort.budget(effortMi, JSON_BYTES_PER_MI), context);
            if (forward) {
                forwarded.append(views);
            }
        }
        if (forward) {
            forwarded.append("#zlib ").append(java.util.Base64.getEncoder().encodeToString(compressed)).append('\n');
            return forwarded.toString().getBytes(StandardCharsets.UTF_8);
        }
        return compressed;
    }

    /** Builds and compresses views 1, 2, ... until the JSON budget is used; @return the {@code #views} line. */
    private static String views(String feed, boolean forward, long firstJson, long firstCompressed, long budgetBytes,
                                HandlerContext context) {
        java.util.List<int[]> lines = new java.util.ArrayList<>(); // {start, end, userId mod 4}
        int at = 0;
        while (at < feed.length()) {
            int end = feed.indexOf('\n', at);
            end = end < 0 ? feed.length() : end;
            if (end > at && !(forward && feed.charAt(at) == '#')) {
                int tab = feed.indexOf('\t', at);
                lines.add(new int[] {at, end, Math.floorMod(number(feed, at, tab, lines.size() + 1, "userId"), 4)});
            }
            at = end + 1;
        }
        long json = firstJson;
        long compressed = firstCompressed;
        int views = 1;
        while (views < MAX_VIEWS && json < budgetBytes) {
            StringBuilder view = new StringBuilder(feed.length() / 3 + 16).append("{\"posts\":[");
            int posts = 0;
            boolean newestFirst = (views / 4) % 2 == 1;
            for (int k = 0; k < lines.size(); k++) {
                int[] line = lines.get(newestFirst ? lines.size() - 1 - k : k);
                if ((line[2] + views) % 4 == 0) {
                    post(view, feed, line[0], line[1], ++posts);
                }
            }
            view.append("]}");
            json += view.length();
            compressed += compress(view.toString().getBytes(StandardCharsets.UTF_8), 9, context).length;
            views++;
        }
        return "#views " + views + " json " + json + " compressed " + compressed + "\n";
    }

    private static byte[] compress(byte[] data, int level, HandlerContext context) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
                context.checkpoint();
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
