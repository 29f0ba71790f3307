package io.edgeoff.cli.database;

import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.database.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoff db migrate}: creates or updates the schema and loads the built-in seed scenario. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or update the database schema, then store the built-in 'seed' scenario "
                + "unless a scenario named 'seed' is already there.")
public final class DbMigrateCommand implements Callable<Integer> {
    @Mixin
    UrlMixin url;

    @Option(names = "--no-seed", description = "do not store the built-in 'seed' scenario")
    boolean noSeed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = url.open()) {
            int applied = db.migrate();
            String version = db.status().version();
            out.printf("%s: applied %d migration%s, schema version %s%n", db.url().redacted(), applied,
                    applied == 1 ? "" : "s", version);
            if (!noSeed) {
                boolean stored = db.scenarios().saveIfAbsent(ScenarioYaml.builtIn(ScenarioYaml.SEED));
                out.println(stored ? "stored the built-in scenario 'seed'" : "scenario 'seed' already stored");
            }
        }
        out.flush();
        return 0;
    }
}
