package com.contractledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ContractLifecycleIT} on the postgres profile: Axon's JDBC event store, snapshots, tokens and the deadline
 * schedule on PostgreSQL, read models in MongoDB. The class shares one application and one database, as on the
 * embedded default.
 */
class ContractLifecycleOnPostgresIT extends ContractLifecycleIT {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();
    private InTestMongo mongo;

    @Override
    LedgerProcess launch() {
        mongo = new InTestMongo();
        return LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri()));
    }

    @Override
    @AfterAll
    void stop() {
        super.stop();
        if (mongo != null) {
            mongo.close();
        }
    }
}
