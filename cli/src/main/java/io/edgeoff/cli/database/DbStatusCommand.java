package io.edgeoff.cli.database;

import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code edgeoff db status}: which database, which schema version, what is pending, which scenarios. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the database in use, its schema version, pending migrations and stored scenarios.")
public final class DbStatusCommand implements Callable<Integer> {
    @Mixin
    UrlMixin url;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = url.open()) {
            DatabaseStatus status = db.status();
            out.println("database:  " + status.url());
            out.println("schema:    version " + status.version()
                    + (status.upToDate() ? " (up to date)" : " (run 'edgeoff db migrate')"));
            out.println("applied:   " + (status.applied().isEmpty() ? "none" : String.join(", ", status.applied())));
            out.println("pending:   " + (status.pending().isEmpty() ? "none" : String.join(", ", status.pending())));
            out.println("scenarios: " + (status.scenarios().isEmpty() ? "none" : String.join(", ", status.scenarios())));
        }
        out.flush();
        return 0;
    }
}
