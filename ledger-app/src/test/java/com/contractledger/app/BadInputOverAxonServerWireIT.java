package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;

/** {@link BadInputIT} (bad input) with every command and query, and their answers, serialized as they cross Axon Server. */
class BadInputOverAxonServerWireIT extends BadInputIT {

    @Override
    LedgerProcess launch(String... arguments) {
        return super.launch(AxonServerWire.with(arguments));
    }
}
