package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;

/** {@link AccessMatrixIT} (every endpoint × every role) with every command and query, and their answers, serialized as they cross Axon Server. */
class AccessMatrixOverAxonServerWireIT extends AccessMatrixIT {

    @Override
    RunningLedger launch(String... arguments) throws Exception {
        return super.launch(AxonServerWire.with(arguments));
    }
}
