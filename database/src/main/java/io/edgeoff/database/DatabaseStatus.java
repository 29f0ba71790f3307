package io.edgeoff.database;

import java.util.List;

/**
 * What {@code edgeoff db status} shows.
 *
 * @param url        the database URL, password hidden
 * @param version    current schema version ({@code none} before the first migration)
 * @param applied    applied migrations, "version description"
 * @param pending    migrations not yet applied
 * @param scenarios  names of the stored scenarios
 */
public record DatabaseStatus(String url, String version, List<String> applied, List<String> pending,
                             List<String> scenarios) {
    public DatabaseStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        scenarios = List.copyOf(scenarios);
    }

    /** @return true when every migration has been applied */
    public boolean upToDate() {
        return pending.isEmpty();
    }
}
