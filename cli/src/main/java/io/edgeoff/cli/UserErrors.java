package io.edgeoff.cli;

import io.edgeoff.database.DatabaseUrl;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to what a user should see: invalid input ({@link IllegalArgumentException} and its
 * subclasses such as {@code ScenarioException}, picocli parameter errors) becomes one line
 * {@code edgeoff: <message>} on stderr and exit code {@value #USER_ERROR}; anything else is an internal
 * error (exit 1) whose stack trace is shown only when {@code EDGEOFF_DEBUG=1}. Every line passes through
 * {@link DatabaseUrl#redact}, so a database password quoted by any message never reaches the terminal.
 */
public final class UserErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit code for invalid input. */
    public static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
            err.println("edgeoff: " + DatabaseUrl.redact(ex.getMessage()));
            err.flush();
            return USER_ERROR;
        }
        err.println("edgeoff: internal error: " + DatabaseUrl.redact(String.valueOf(ex)));
        if ("1".equals(System.getenv("EDGEOFF_DEBUG"))) {
            ex.printStackTrace(err);
        } else {
            err.println("(set EDGEOFF_DEBUG=1 for details)");
        }
        err.flush();
        return 1;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("edgeoff: " + DatabaseUrl.redact(ex.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return USER_ERROR;
    }
}
