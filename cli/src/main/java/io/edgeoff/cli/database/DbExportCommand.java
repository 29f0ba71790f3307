package io.edgeoff.cli.database;

import io.edgeoff.common.scenario.ScenarioYaml;
import io.edgeoff.database.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoff db export}: writes a stored scenario as canonical YAML to standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a stored scenario as canonical scenario YAML to standard output.")
public final class DbExportCommand implements Callable<Integer> {
    @Mixin
    UrlMixin url;

    @Option(names = "--name", paramLabel = "NAME",
            description = "scenario to export (default: the only stored scenario)")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = url.open()) {
            String chosen = name;
            if (chosen == null) {
                List<String> names = db.scenarios().names();
                if (names.size() != 1) {
                    throw new IllegalArgumentException(names.isEmpty()
                            ? "no scenario stored in " + db.url().redacted()
                                    + "; store one with 'edgeoff db migrate' or 'edgeoff db import --scenario FILE'"
                            : "several scenarios stored; choose one with --name: " + names);
                }
                chosen = names.get(0);
            }
            out.print(ScenarioYaml.write(db.scenarios().load(chosen)));
        }
        out.flush();
        return 0;
    }
}
