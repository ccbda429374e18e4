package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;

/** {@link StreamIT} (the dashboard streams) with every command and query, and their answers, serialized as they cross Axon Server. */
class StreamOverAxonServerWireIT extends StreamIT {

    @Override
    RunningLedger launch(String... arguments) throws Exception {
        return super.launch(AxonServerWire.with(arguments));
    }
}
