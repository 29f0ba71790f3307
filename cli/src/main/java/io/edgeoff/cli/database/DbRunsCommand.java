package io.edgeoff.cli.database;

import io.edgeoff.database.Database;
import io.edgeoff.database.ExperimentRun;
import io.edgeoff.database.RunSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoff db runs}: the stored experiment runs with their totals, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the stored experiment runs, newest first, with their totals.")
public final class DbRunsCommand implements Callable<Integer> {
    @Mixin
    UrlMixin url;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "show at most N runs (default 20)")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, but was " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = url.open()) {
            List<ExperimentRun> runs = db.runs().list();
            if (runs.isEmpty()) {
                out.println("no runs stored in " + db.url().redacted());
            } else {
                out.printf("%6s  %-16s  %-9s  %-6s  %6s  %-27s  %7s  %12s  %12s  %6s%n", "id", "policy", "mode",
                        "config", "seed", "started", "tasks", "time s", "energy J", "failed");
                for (ExperimentRun run : runs.subList(0, Math.min(limit, runs.size()))) {
                    RunSummary s = db.runs().summary(run.id());
                    out.printf(Locale.ROOT, "%6d  %-16s  %-9s  %-6s  %6d  %-27s  %7d  %12.3f  %12.3f  %6d%n",
                            run.id(), run.spec().policy(), run.spec().mode(),
                            run.spec().configurationId().isPresent() ? run.spec().configurationId().getAsInt() : "-",
                            run.spec().seed(), run.startedAt() + (run.finishedAt().isPresent() ? "" : " (open)"),
                            s.tasks(), s.totalTimeSeconds(), s.totalEnergyJoules(), s.failedAttempts());
                }
            }
        }
        out.flush();
        return 0;
    }
}
