package io.edgeoff.cli.database;

import io.edgeoff.database.Database;
import io.edgeoff.database.DatabaseUrl;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --url} option shared by the {@code db} subcommands. */
public final class UrlMixin {
    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "database, e.g. jdbc:postgresql://localhost:5432/edgeoff?user=edgeoff&password=... or "
                    + "jdbc:h2:file:/path/edgeoff (default: $EDGEOFF_DB_URL, else the embedded H2 file under the "
                    + "user's data folder)")
    String url;

    DatabaseUrl resolve() {
        return DatabaseUrl.resolve(url);
    }

    Database open() {
        return Database.open(resolve(), Database.DEFAULT_CONNECT_TIMEOUT, Clock.systemUTC());
    }
}
