package com.contractledger.app;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every processor whose batches write to the embedded read-model store takes part in its checkpoints, so that a
 * {@code kill -9} never leaves its token on disk without the writes of the batch it accounts for: the projections, and
 * the webhooks' outbox (whose lost deliveries would never be queued again).
 */
class ReadModelUnitsOfWorkIT {

    @TempDir
    Path dataDir;

    @Test
    void the_webhooks_outbox_takes_part_in_the_stores_checkpoints_as_the_projections_do() {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            EventProcessingConfiguration processing = ledger.bean(Configuration.class).eventProcessingConfiguration();
            TransactionManager projections = processing.transactionManager("contract-summaries");
            assertThat(projections).isNotInstanceOf(SpringTransactionManager.class);
            assertThat(processing.transactionManager("webhooks")).hasSameClassAs(projections);
        }
    }
}
