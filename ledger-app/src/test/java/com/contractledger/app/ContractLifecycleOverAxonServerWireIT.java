package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;

/** {@link ContractLifecycleIT} with every command and query, and their answers, serialized as they cross Axon Server. */
class ContractLifecycleOverAxonServerWireIT extends ContractLifecycleIT {

    @Override
    LedgerProcess launch() {
        return LedgerProcess.start(dataDir, AxonServerWire.ENABLED);
    }
}
