package com.contractledger.app;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ContractLifecycleIT} as docker/compose.postgres.yaml runs it: the command-side and the query-side service as
 * child processes sharing one PostgreSQL database, reached through the front (nginx with docker/front/ledger-front.conf).
 * The class shares one set of processes and one database, as on the embedded default.
 */
@ExtendWith(NginxFront.Required.class)
class ContractLifecycleFrontedOnPostgresIT extends ContractLifecycleIT {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();

    @Override
    RunningLedger launch() throws Exception {
        return FrontedServices.startOnPostgres(dataDir, postgres);
    }
}
