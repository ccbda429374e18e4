package com.contractledger.app;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AccessMatrixIT} (every endpoint × every role) as a client of the production shape meets it: the two services from their jars, each sending its
 * commands and queries through Axon Server's boundary, behind the front (nginx with docker/front/ledger-front.conf).
 */
@ExtendWith(NginxFront.Required.class)
class AccessMatrixThroughFrontIT extends AccessMatrixIT {

    @Override
    RunningLedger launch(String... arguments) throws Exception {
        return FrontedServices.start(dataDir, arguments);
    }
}
