package io.edgeoff.prediction.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the {@link TraceReader} for a file from its first non-blank line. */
public final class TraceReaders {
    private TraceReaders() {
    }

    /**
     * @throws IllegalArgumentException if the file is unreadable or its first line fits no known format
     */
    public static TraceReader forFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("trace file " + file + " does not exist or is not readable");
        }
        String first = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.replace("\uFEFF", "").strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    first = t;
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace file " + file + ": " + e.getMessage(), e);
        }
        if (first == null) {
            throw new IllegalArgumentException("trace file " + file + " is empty");
        }
        try {
            if (LanlTraceReader.accepts(first)) {
                return new LanlTraceReader();
            }
            if (GenericTraceReader.accepts(first)) {
                return new GenericTraceReader();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("trace file " + file + " has an unknown header '" + abbreviate(first)
                + "': expected the LANL header (System,...,Prob Started,Prob Fixed,Down Time,...) or a generic "
                + "header with node,start,end|duration, or JSON lines");
    }

    /** Reads a file with the reader chosen by {@link #forFile(Path)}. */
    public static FailureTrace read(Path file) {
        return forFile(file).read(file);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
