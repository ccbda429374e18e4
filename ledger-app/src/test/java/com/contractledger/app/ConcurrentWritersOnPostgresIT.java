package com.contractledger.app;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConcurrentWritersIT} on the postgres profile: fifty writers on one contract meet the event table's keys. */
class ConcurrentWritersOnPostgresIT extends ConcurrentWritersIT {

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();
    @RegisterExtension
    final InTestMongo mongo = new InTestMongo();

    @Override
    LedgerProcess start() {
        return LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri()));
    }
}
