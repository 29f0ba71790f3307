/** {@code edgeoff db}: migrate, import, export and status of the parameter database. */
package io.edgeoff.cli.database;
