package io.edgeoff.cli.console;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out}, the output directory, declared once for every command that writes one
 * ({@code @Mixin OutOption out = new OutOption("default/dir");}): the command gives its default when it creates the
 * mixin, and picocli shows it in the help.
 */
public final class OutOption {
    /** The help's default of a command whose output directory otherwise comes from its {@code --config} file. */
    static final String FROM_CONFIG = "the --config file's 'out'";

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    String value;

    /** An option defaulting to {@code defaultDir}. */
    public OutOption(String defaultDir) {
        this.value = defaultDir;
    }

    /** An option whose default is the {@code out} field of the command's configuration file. */
    public static OutOption fromConfig() {
        return new OutOption(FROM_CONFIG);
    }

    /** @return the directory given, else the default; null for the default of {@link #fromConfig()} */
    public Path value() {
        return FROM_CONFIG.equals(value) ? null : Path.of(value);
    }
}
