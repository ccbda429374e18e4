package com.contractledger.app;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ContractLifecycleIT} on the postgres profile: Axon's JDBC event store, snapshots, tokens and the deadline
 * schedule on PostgreSQL, read models in MongoDB. The class shares one application and one database, as on the
 * embedded default.
 */
class ContractLifecycleOnPostgresIT extends ContractLifecycleIT {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();
    @RegisterExtension
    final InTestMongo mongo = new InTestMongo();

    @Override
    LedgerProcess launch() {
        return LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri()));
    }
}
