package io.edgeoff.cli.database;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code edgeoff db}: the parameter database (see {@code docs/DATABASE.md}).
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"The parameter database: schema migrations, scenario import and export, status.",
            "Selects the database with --url, else the environment variable EDGEOFF_DB_URL, else an embedded "
                + "H2 file under $XDG_DATA_HOME/edgeoff (or ~/.local/share/edgeoff)."},
        subcommands = {
            DbMigrateCommand.class,
            DbImportCommand.class,
            DbExportCommand.class,
            DbStatusCommand.class,
            DbRunsCommand.class,
        })
public final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
