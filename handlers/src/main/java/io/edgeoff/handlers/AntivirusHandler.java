package io.edgeoff.handlers;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * ANTIVIRUS's SCAN_FILE: signature matching over the input bytes. A set of byte signatures (generated
 * from the parameter {@code signatureSeed}, {@code signatures} of them, 12 to 32 bytes long) is
 * compiled into an Aho-Corasick automaton, and the whole input is scanned once: the work is linear in
 * the input's length. The automaton of a signature set is built once per process (immutable, shared by
 * all calls; at most 8 sets are kept), as a scanner keeps its signature database loaded. Output: UTF-8 {@code matches N\n} followed by one
 * line {@code offset signature} per match, at most 1000 lines.
 * With {@code forward=true} the output is the data worked on followed by this ({@link Forwarding}).
 *
 * <p>With {@code effortMi=N} ({@link Effort}) the file is also scanned decoded with XOR keys (packed malware hides its
 * payload so), one more pass per key, until {@code N x }{@value #BYTES_PER_MI} bytes have been scanned in all (at most
 * {@value #MAX_PASSES} passes): pass K below 256 decodes every byte with K, a later pass K with the two-byte key
 * {@code K mod 256} (even offsets), {@code K / 256} (odd offsets). A match found in pass K &gt; 0 is listed as
 * {@code offset signature xor K}, and the output says {@code passes P} after the match count.
 */
public final class AntivirusHandler implements TaskHandler {
    public static final String NAME = "antivirus";
    private static final int DEFAULT_SIGNATURES = 512;
    private static final long DEFAULT_SIGNATURE_SEED = 1;
    private static final int MAX_LISTED = 1000;
    /** Bytes scanned per million instructions of effort (calibrated: docs/PERFORMANCE.md). */
    static final double BYTES_PER_MI = 60_000;
    /** Most passes of a scan with an effort (XOR keys 0 to 4095). */
    static final int MAX_PASSES = 4096;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ANTIVIRUS SCAN_FILE: Aho-Corasick signature scan of the input bytes";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        int count = Params.integer(parameters, "signatures", DEFAULT_SIGNATURES, 1, 100_000);
        long signatureSeed = Params.seed(parameters, "signatureSeed", DEFAULT_SIGNATURE_SEED);
        Database database = database(signatureSeed, count);
        byte[][] signatures = database.signatures;
        Automaton automaton = database.automaton;
        int effortMi = Effort.millionInstructions(parameters);
        int passes = effortMi == 0 ? 1 : (int) Math.min(MAX_PASSES,
                Math.max(1, -Math.floorDiv(-Effort.budget(effortMi, BYTES_PER_MI), Math.max(1, input.length))));
        StringBuilder listed = new StringBuilder();
        long matches = 0;
        for (int key = 0; key < passes; key++) {
            matches += scan(input, key, automaton, signatures, listed, matches, context);
        }
        String header = "matches " + matches + "\n" + (effortMi == 0 ? "" : "passes " + passes + "\n");
        byte[] report = (header + listed).getBytes(StandardCharsets.UTF_8);
        return Forwarding.isOn(parameters) ? Forwarding.join(input, input.length, report) : report;
    }

    /** One pass over {@code input} decoded with XOR {@code key}; lists matches while fewer than 1000 are listed. */
    private static long scan(byte[] input, int key, Automaton automaton, byte[][] signatures, StringBuilder listed,
                             long listedBefore, HandlerContext context) {
        long matches = 0;
        int state = 0;
        int even = key & 0xFF;
        int odd = key < 256 ? key : key >>> 8;
        for (int i = 0; i < input.length; i++) {
            if ((i & 0xFFFF) == 0) {
                context.checkpoint();
            }
            state = automaton.step(state, (input[i] ^ ((i & 1) == 0 ? even : odd)) & 0xFF);
            for (int s = state; s > 0; s = automaton.outputLink[s]) {
                int sig = automaton.terminal[s];
                if (sig >= 0) {
                    if (listedBefore + matches < MAX_LISTED) {
                        listed.append(i - signatures[sig].length + 1).append(' ').append(sig)
                                .append(key == 0 ? "" : " xor " + key).append('\n');
                    }
                    matches++;
                }
            }
        }
        return matches;
    }

    private record Database(byte[][] signatures, Automaton automaton) {
    }

    private static final java.util.Map<String, Database> DATABASES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Database> eldest) {
                    return size() > 8;
                }
            });

    private static Database database(long seed, int count) {
        String key = seed + "/" + count;
        Database db = DATABASES.get(key);
        if (db == null) {
            byte[][] signatures = signatures(seed, count);
            db = new Database(signatures, new Automaton(signatures));
            DATABASES.put(key, db);
        }
        return db;
    }

    /** @return {@code count} signatures of 12 to 32 bytes from {@code seed} */
    public static byte[][] signatures(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = new byte[12 + random.nextInt(21)];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = (byte) random.nextInt(256);
            }
        }
        return out;
    }

    /**
     * A file of {@code bytes} bytes from {@code seed}: text-like noise with a few default signatures
     * planted in it (one per 64 KiB, at least one when it fits).
     */
    public static byte[] input(long seed, int bytes) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] file = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            file[i] = (byte) (32 + random.nextInt(95));
        }
        byte[][] signatures = signatures(DEFAULT_SIGNATURE_SEED, DEFAULT_SIGNATURES);
        int planted = Math.max(bytes >= 64 ? 1 : 0, bytes / 65536);
        for (int k = 0; k < planted; k++) {
            byte[] sig = signatures[random.nextInt(signatures.length)];
            if (sig.length <= bytes) {
                System.arraycopy(sig, 0, file, random.nextInt(bytes - sig.length + 1), sig.length);
            }
        }
        return file;
    }

    /** Aho-Corasick over bytes with a full transition table (goto + failure links resolved). */
    private static final class Automaton {
        private int[] next;
        private int[] terminal;
        private int[] outputLink;
        private int states = 1;

        Automaton(byte[][] signatures) {
            int capacity = 1;
            for (byte[] s : signatures) {
                capacity += s.length;
            }
            next = new int[capacity * 256];
            Arrays.fill(next, -1);
            terminal = new int[capacity];
            Arrays.fill(terminal, -1);
            outputLink = new int[capacity];
            for (int i = 0; i < signatures.length; i++) {
                int s = 0;
                for (byte b : signatures[i]) {
                    int c = b & 0xFF;
                    if (next[s * 256 + c] < 0) {
                        next[s * 256 + c] = states++;
                    }
                    s = next[s * 256 + c];
                }
                if (terminal[s] < 0) {
                    terminal[s] = i;
                }
            }
            int[] fail = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < 256; c++) {
                int t = next[c];
                if (t < 0) {
                    next[c] = 0;
                } else {
                    fail[t] = 0;
                    queue.add(t);
                }
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                outputLink[s] = terminal[fail[s]] >= 0 ? fail[s] : outputLink[fail[s]];
                for (int c = 0; c < 256; c++) {
                    int t = next[s * 256 + c];
                    if (t < 0) {
                        next[s * 256 + c] = next[fail[s] * 256 + c];
                    } else {
                        fail[t] = next[fail[s] * 256 + c];
                        queue.add(t);
                    }
                }
            }
        }

        int step(int state, int c) {
            return next[state * 256 + c];
        }
    }
}
