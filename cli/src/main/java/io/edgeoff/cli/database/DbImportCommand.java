package io.edgeoff.cli.database;

import io.edgeoff.cli.console.ScenarioOption;
import io.edgeoff.common.scenario.Scenario;
import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.database.Database;
import io.edgeoff.database.ScenarioLimits;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoff db import}: stores a scenario file in the database (migrating the schema first). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Store a scenario (YAML file, or 'seed' for the built-in one) in the database. "
                + "The schema is created or updated first.")
public final class DbImportCommand implements Callable<Integer> {
    @Mixin
    UrlMixin url;

    @Mixin
    ScenarioOption scenarioOption = ScenarioOption.required();

    @Option(names = "--replace", description = "replace a stored scenario of the same name (keeps service URLs)")
    boolean replace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String scenario = scenarioOption.name();
        Scenario loaded = ScenarioYaml.load(scenario);
        ScenarioLimits.check(loaded, scenario);
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = url.open()) {
            db.migrate();
            boolean replaced = false;
            if (replace) {
                replaced = db.scenarios().replace(loaded);
            } else {
                db.scenarios().save(loaded);
            }
            int tasks = loaded.applications().stream().mapToInt(a -> a.tasks().size()).sum();
            String fleet = loaded.fleet().isNone() ? "" : String.format(", %d devices, %d cells",
                    loaded.fleet().devices().size(), loaded.fleet().cells().size());
            out.printf("%s scenario '%s' (%d sites, %d links, %d applications, %d tasks, %d configurations%s) in %s%n",
                    replaced ? "replaced" : "imported", loaded.name(), loaded.sites().size(), loaded.links().size(),
                    loaded.applications().size(), tasks, loaded.configurations().size(), fleet, db.url().redacted());
        }
        out.flush();
        return 0;
    }
}
