package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;

/** {@link WriteGuaranteesIT} (idempotent retries, If-Match races and snapshots) with every command and query, and their answers, serialized as they cross Axon Server. */
class WriteGuaranteesOverAxonServerWireIT extends WriteGuaranteesIT {

    @Override
    LedgerProcess launch(String... arguments) {
        return super.launch(AxonServerWire.with(arguments));
    }
}
