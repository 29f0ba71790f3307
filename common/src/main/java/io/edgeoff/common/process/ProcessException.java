package io.edgeoff.common.process;

/** A process could not be started, did not get ready, or ended unexpectedly; the message names it and its log. */
public class ProcessException extends RuntimeException {
    public ProcessException(String message) {
        super(message);
    }

    public ProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
