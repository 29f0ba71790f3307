package io.edgeoff.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An empty database (or schema) of its own for one test, so tests never see each other's rows:
 * an in-memory H2 database, or a new PostgreSQL schema that is dropped afterwards.
 */
interface FreshDatabase extends AutoCloseable {
    DatabaseUrl url();

    /** Runs one statement over a plain JDBC connection, bypassing the stores. */
    default void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url().jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    void close() throws SQLException;

    static FreshDatabase h2() {
        DatabaseUrl url = new DatabaseUrl("jdbc:h2:mem:edgeoff-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new FreshDatabase() {
            @Override
            public DatabaseUrl url() {
                return url;
            }

            @Override
            public void close() throws SQLException {
                execute("SHUTDOWN");
            }
        };
    }

    /** A new schema in the PostgreSQL database at {@code baseUrl}. */
    static FreshDatabase postgres(String baseUrl) throws SQLException {
        String schema = "edgeoff_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        DatabaseUrl url = new DatabaseUrl(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        return new FreshDatabase() {
            @Override
            public DatabaseUrl url() {
                return url;
            }

            @Override
            public void close() throws SQLException {
                try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        };
    }
}
