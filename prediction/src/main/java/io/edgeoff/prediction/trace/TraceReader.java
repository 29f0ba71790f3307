package io.edgeoff.prediction.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a failure trace. Malformed rows are skipped and listed in the {@link TraceReadReport}
 * (with their line numbers); they never abort the file. A file whose header does not fit the
 * format is rejected with an {@link IllegalArgumentException} naming the file and the missing column.
 *
 * <p>Implementations: {@link LanlTraceReader} (LANL LA-UR-05-7318 CSV), {@link GenericTraceReader}
 * (CSV or JSON lines {@code node,start,end|duration}). {@link TraceReaders#forFile(Path)} picks one
 * from the file's first line.
 */
public interface TraceReader {

    /** Short name of the format, e.g. {@code "lanl"}. */
    String format();

    /**
     * Reads a trace from a character stream.
     *
     * @param in     the text (any line ending: LF, CRLF)
     * @param source file name used in messages
     */
    FailureTrace read(BufferedReader in, String source) throws IOException;

    /**
     * Reads a trace file (UTF-8).
     *
     * @throws IllegalArgumentException if the file cannot be read or its header is wrong
     */
    default FailureTrace read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("trace file " + file + " does not exist or is not readable");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace file " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read trace file " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    /** Reads a trace from a reader (convenience for tests and in-memory text). */
    default FailureTrace read(Reader in, String source) {
        try {
            return read(in instanceof BufferedReader b ? b : new BufferedReader(in), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
