package io.edgeoff.database;

/**
 * The database refused a request or could not be reached. The message says what was being done,
 * what failed (the table and constraint, the value, or the unreachable URL with its password
 * hidden) and, where there is one, what to do about it. It is an {@link IllegalArgumentException}
 * because it is caused by what the user gave (a URL, a scenario, a value), so the command line
 * reports it as one line without a stack trace.
 */
public final class DatabaseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String constraint;

    public DatabaseException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public DatabaseException(String message, String constraint, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    /** @return the name of the violated constraint, or null when no constraint was violated */
    public String constraint() {
        return constraint;
    }
}
