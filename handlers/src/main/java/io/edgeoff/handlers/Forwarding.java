package io.edgeoff.handlers;

import java.util.Arrays;
import java.util.Map;

/**
 * Forwarding, for handlers chained in an application's DAG: with the parameter {@code forward=true} a built-in
 * handler's output is <em>the data it worked on, followed by its result</em>, so the output is again a valid input of
 * the same handler and a successor task can work on it. What each forwards:
 * <ul>
 *   <li>{@code chess}: the position after its best move (FEN line) and the depth line, then its result lines (the
 *       game advances one move per task);</li>
 *   <li>{@code antivirus}: every input byte, then its match report;</li>
 *   <li>{@code face-recognizer}: the image it filtered (header and pixels; bytes after the image are ignored on
 *       input), then its corner report;</li>
 *   <li>{@code gps-navigator}: the road graph it searched (bytes after the graph are ignored on input), then its
 *       route;</li>
 *   <li>{@code facebook}: the feed lines it read, then one line {@code #zlib <base64 of the compressed JSON>} (lines
 *       starting with {@code #} are skipped on input).</li>
 * </ul>
 * Without the parameter (or with {@code forward=false}) the output is the result alone, as before.
 */
public final class Forwarding {
    /** The parameter that switches forwarding on: {@code "true"} or {@code "false"} (default). */
    public static final String PARAMETER = "forward";

    private Forwarding() {
    }

    /** @return whether {@code parameters} ask for forwarding; anything but {@code true}/{@code false} is refused */
    public static boolean isOn(Map<String, String> parameters) {
        String value = parameters.get(PARAMETER);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException("parameter " + PARAMETER + " must be true or false, but was '"
                + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
    }

    /** @return the first {@code length} bytes of {@code data} followed by {@code result} */
    static byte[] join(byte[] data, int length, byte[] result) {
        byte[] out = Arrays.copyOf(data, length + result.length);
        System.arraycopy(result, 0, out, length, result.length);
        return out;
    }

    /**
     * Checks, without running anything, that {@code output} is what {@code handler} forwards for {@code input}: the data
     * it worked on, byte for byte where it keeps it (antivirus, face-recognizer, gps-navigator: a prefix of the input),
     * followed by a result of its format ({@code matches}, {@code corners}, {@code distance}); chess: a position line, a
     * depth line and {@code bestmove}; facebook: feed lines and a last {@code #zlib} line. Another handler's output
     * only has to be non-empty. A format check, not a proof of the work: the device re-runs nothing.
     *
     * @return empty when the output passes, else what is wrong
     */
    public static java.util.Optional<String> problem(String handler, byte[] input, byte[] output) {
        if (output.length == 0) {
            return java.util.Optional.of("empty output");
        }
        return switch (handler) {
            case AntivirusHandler.NAME -> prefixThen(input, input.length, output, "matches ");
            case FaceRecognizerHandler.NAME -> input.length < 8 ? java.util.Optional.of("input has no image header")
                    : prefixThen(input, 8 + (int) Math.min(input.length - 8L,
                    (long) java.nio.ByteBuffer.wrap(input).getInt(0) * java.nio.ByteBuffer.wrap(input).getInt(4)),
                    output, "corners ");
            case GpsNavigatorHandler.NAME -> input.length < 16 ? java.util.Optional.of("input has no graph header")
                    : prefixThen(input, (int) Math.min(input.length,
                    16 + 12L * java.nio.ByteBuffer.wrap(input).getInt(4)), output, "distance ");
            case ChessHandler.NAME -> {
                String[] lines = new String(output, java.nio.charset.StandardCharsets.UTF_8).split("\n");
                yield lines.length >= 3 && lines[1].matches("[1-8]") && lines[2].startsWith("bestmove ")
                        ? java.util.Optional.empty()
                        : java.util.Optional.of("not a position, a depth and a bestmove line");
            }
            case FacebookHandler.NAME -> {
                String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
                int last = text.lastIndexOf('\n', text.length() - 2);
                yield text.endsWith("\n") && text.startsWith("#zlib ", last + 1) ? java.util.Optional.empty()
                        : java.util.Optional.of("no #zlib line at the end");
            }
            default -> java.util.Optional.empty();
        };
    }

    private static java.util.Optional<String> prefixThen(byte[] input, int length, byte[] output, String result) {
        byte[] tag = result.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (output.length < length + tag.length
                || !Arrays.equals(input, 0, length, output, 0, length)) {
            return java.util.Optional.of("does not start with the " + length + " input bytes it worked on");
        }
        if (!Arrays.equals(tag, 0, tag.length, output, length, length + tag.length)) {
            return java.util.Optional.of("no '" + result.strip() + "' result after the data");
        }
        return java.util.Optional.empty();
    }
}
