package io.edgeoff.task;

/**
 * Why a handler call produced no output, with a message for the client: it names the handler and the
 * problem and never holds a stack trace. A site answers it as a JSON error whose code is
 * {@link Cause#code()}; the device counts it as a failed attempt with that cause.
 */
public final class HandlerException extends RuntimeException {
    /** The ways a handler call can fail, each with its own wire code. */
    public enum Cause {
        /** No handler of that name on this class path. */
        UNKNOWN_HANDLER("UNKNOWN_HANDLER"),
        /** The handler refused its input or parameters ({@link IllegalArgumentException}). */
        INVALID_INPUT("HANDLER_INVALID_INPUT"),
        /** The handler threw anything else. */
        FAILED("HANDLER_FAILED"),
        /** The call ran longer than its time budget. */
        TIME_BUDGET_EXCEEDED("HANDLER_TIMEOUT"),
        /** The call allocated more than its memory budget, or the JVM ran out of memory during it. */
        MEMORY_BUDGET_EXCEEDED("HANDLER_MEMORY_EXCEEDED"),
        /** The output is larger than allowed (or null). */
        OUTPUT_TOO_LARGE("HANDLER_OUTPUT_TOO_LARGE"),
        /** The caller stopped the call (a stopping site, an interrupted device). */
        CANCELLED("HANDLER_CANCELLED");

        private final String code;

        Cause(String code) {
            this.code = code;
        }

        /** @return the UPPER_SNAKE error code used on the wire */
        public String code() {
            return code;
        }
    }

    private final Cause cause;

    public HandlerException(Cause cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    /** @return why the call failed */
    public Cause reason() {
        return cause;
    }
}
