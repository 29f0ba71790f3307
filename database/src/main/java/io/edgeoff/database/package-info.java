/**
 * The parameter database: Flyway migrations ({@code db/migration}, one SQL for embedded H2 and
 * PostgreSQL 15), the connection pool ({@link io.edgeoff.database.Database}) and the stores for
 * scenarios, failure events, experiment runs and failure-detector observations. Only
 * parameterised SQL; errors are {@link io.edgeoff.database.DatabaseException} naming what failed.
 * See {@code docs/DATABASE.md}.
 */
package io.edgeoff.database;
