package com.contractledger.app;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tracking processor of the embedded default writes its batches and its token to the embedded read-model store,
 * and takes part in its checkpoints, so that a {@code kill -9} never leaves its token on disk without the writes of the
 * batch it accounts for: the projections, and the webhooks' outbox (whose lost deliveries would never be queued again).
 */
class ReadModelUnitsOfWorkIT {

    @TempDir
    Path dataDir;

    @Test
    void every_tracking_processor_takes_part_in_the_stores_checkpoints() {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            EventProcessingConfiguration processing = ledger.bean(Configuration.class).eventProcessingConfiguration();
            TransactionManager projections = processing.transactionManager("contract-summaries");
            assertThat(projections).isNotInstanceOf(SpringTransactionManager.class);
            // the tracking ones; the supplier directory is kept in the command's own JDBC transaction
            List<String> tracking = processing.eventProcessors().entrySet().stream()
                    .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                    .map(Map.Entry::getKey).toList();
            assertThat(tracking).contains("contract-summaries", "webhooks")
                    .allSatisfy(processor -> assertThat(processing.transactionManager(processor))
                            .as(processor).hasSameClassAs(projections));
        }
    }
}
