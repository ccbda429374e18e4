package com.contractledger.app;

import com.contractledger.app.wire.AxonServerWire;
import com.contractledger.app.wire.WireCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RejectionsIT} with every command, result and failure serialized as it crosses Axon Server. */
class RejectionsOverAxonServerWireIT extends RejectionsIT {

    @Override
    LedgerProcess launch() {
        return LedgerProcess.start(dataDir, AxonServerWire.ENABLED);
    }

    @Test
    void the_commands_crossed_the_wire() {
        assertThat(((LedgerProcess) ledger()).bean(CommandBus.class)).isInstanceOfSatisfying(WireCommandBus.class,
                wire -> assertThat(wire.crossings()).isGreaterThanOrEqualTo(15));
    }
}
