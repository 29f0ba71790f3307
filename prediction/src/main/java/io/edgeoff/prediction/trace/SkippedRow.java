package io.edgeoff.prediction.trace;

/**
 * A row of a trace file that could not be read and was skipped.
 *
 * @param line   1-based line number in the file (the header is line 1)
 * @param reason why, naming the column and value
 */
public record SkippedRow(long line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
