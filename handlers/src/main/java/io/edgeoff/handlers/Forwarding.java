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
}
