package io.edgeoff.database;

/** The database contract on embedded H2 (in memory, PostgreSQL compatibility mode). Always runs. */
class H2DatabaseTest extends DatabaseContractTest {
    @Override
    FreshDatabase newDatabase() {
        return FreshDatabase.h2();
    }
}
