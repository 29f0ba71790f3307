package io.edgeoff.cli.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The {@code --log-format text|json} option of the long-running commands ({@code site}, {@code site
 * monitor}, {@code device}). Logs go to stderr; {@code text} is the default layout of
 * {@code logback.xml} ({@code [thread] LEVEL logger - message}); {@code json} replaces it with
 * logback's {@link JsonEncoder}: one JSON object per line ({@code timestamp} in epoch ms, {@code level},
 * {@code threadName}, {@code loggerName}, {@code mdc}, {@code formattedMessage}, {@code throwable}). What a command prints on stdout (its results) is not a log and stays text.
 */
public final class LogFormat {
    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Log lines on stderr as text (default) or as one JSON object per line (for a log collector).")
    String format;

    /** Applies the chosen format; call before the command logs anything. */
    public void apply() {
        String f = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "text" -> {
            }
            case "json" -> json();
            default -> throw new IllegalArgumentException("--log-format must be text or json, but was '" + format + "'");
        }
    }

    private static void json() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("--log-format json needs logback as the logging backend");
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // the message as the text layout shows it, not its {} template and arguments; no logback context
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("json");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
