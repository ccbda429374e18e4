package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;

/** {@link AuditExportIT} with every command and query, and their answers, serialized as they cross Axon Server. */
class AuditExportOverAxonServerWireIT extends AuditExportIT {

    @Override
    LedgerProcess launch(String... arguments) {
        return super.launch(AxonServerWire.with(arguments));
    }
}
