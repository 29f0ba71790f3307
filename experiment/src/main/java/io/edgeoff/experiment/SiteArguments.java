package io.edgeoff.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code edgeoff site} arguments the demo and the benchmark start sites with. The token is not among them:
 * a command line is visible to every user ({@code ps}), so {@link SiteProcesses} passes it in the environment.
 */
public final class SiteArguments {
    private SiteArguments() {
    }

    public static List<String> of(String siteId, int port, Path dataDir, Path trace, double timeCompression) {
        return of("seed", siteId, port, dataDir, trace, timeCompression);
    }

    /** As {@link #of(String, int, Path, Path, double)}, for a site of {@code scenario} (a built-in name or a file). */
    public static List<String> of(String scenario, String siteId, int port, Path dataDir, Path trace,
                                  double timeCompression) {
        List<String> args = new ArrayList<>(List.of("--scenario", scenario, "--site", siteId, "--bind", "127.0.0.1",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        if (trace != null) {
            args.addAll(List.of("--failure-trace", trace.toString(),
                    "--time-compression", String.format(Locale.ROOT, "%s", timeCompression)));
        }
        return args;
    }
}
