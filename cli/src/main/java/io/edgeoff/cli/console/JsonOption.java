package io.edgeoff.cli.console;

import picocli.CommandLine.Option;

/** {@code --json}, declared once ({@code @Mixin JsonOption}); each command's description names its JSON fields. */
public final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean enabled;

    public boolean enabled() {
        return enabled;
    }
}
