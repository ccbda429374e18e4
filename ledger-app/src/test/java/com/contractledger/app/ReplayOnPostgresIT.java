package com.contractledger.app;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ReplayIT} on the postgres profile: the replays reset tokens in Axon's JDBC token store and read the event
 * table on PostgreSQL; each test has a database and a MongoDB of its own, kept across its restart.
 */
class ReplayOnPostgresIT extends ReplayIT {

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();
    @RegisterExtension
    final InTestMongo mongo = new InTestMongo();

    @Override
    LedgerProcess start() {
        return LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri()));
    }

    /** Several query-side instances may share this database's token store, so the processors keep 16 segments. */
    @Override
    int segmentsPerProcessor() {
        return 16;
    }
}
