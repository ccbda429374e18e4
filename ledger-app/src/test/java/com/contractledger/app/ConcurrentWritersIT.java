package com.contractledger.app;

import com.contractledger.api.contract.ContractDeliveredEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty writers deliver against one contract at once, some with a stale If-Match. Every 2xx stored exactly one event,
 * every refusal is a 409, and the stored deliveries add up exactly as a serial run of the accepted ones would.
 */
class ConcurrentWritersIT {

    @TempDir
    Path dataDir;

    /** The application on the embedded default; {@link ConcurrentWritersOnPostgresIT} starts it on PostgreSQL. */
    LedgerProcess start() {
        return LedgerProcess.start(dataDir);
    }

    @Test
    void fifty_concurrent_writers_on_one_contract() throws Exception {
        try (LedgerProcess ledger = start()) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-c")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-c", "sup-c")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-c/signature", SIGNATURE).status()).isEqualTo(202);

            int writers = 50;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LedgerProcess.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String deliveryId = "dl-" + i;
                // 50 x 300 = 15,000 pcs offered against 10,000 ordered: some must be refused by the rule.
                String body = """
                        {"deliveryId": "%s", "milestoneId": "d1", "deliveredOn": "%s",
                         "lines": [{"sku": "M8-30", "delivered": 300, "accepted": 300, "rejected": 0}]}"""
                        .formatted(deliveryId, DELIVERED_ON);
                Map<String, String> headers = i % 5 == 0 ? Map.of("If-Match", String.valueOf(SIGNED_VERSION)) : Map.of();
                futures.add(pool.submit(() -> {
                    start.await();
                    return ledger.post("buyer", "/api/contracts/ct-c/deliveries", body, headers);
                }));
            }
            start.countDown();
            List<LedgerProcess.Reply> replies = new ArrayList<>();
            for (Future<LedgerProcess.Reply> future : futures) {
                replies.add(future.get());
            }
            pool.shutdown();

            List<Integer> accepted = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int status = replies.get(i).status();
                assertThat(status).as("writer " + i + ": " + replies.get(i).body()).isIn(201, 409);
                if (status == 201) {
                    accepted.add(i);
                }
            }
            List<DomainEventMessage<?>> events = ledger.events("ct-c");
            List<String> storedDeliveries = events.stream()
                    .filter(e -> e.getPayload() instanceof ContractDeliveredEvent)
                    .map(e -> ((ContractDeliveredEvent) e.getPayload()).deliveryId())
                    .toList();
            assertThat(storedDeliveries).containsExactlyInAnyOrderElementsOf(
                    accepted.stream().map(i -> "dl-" + i).toList());
            assertThat(accepted.size() * 300).as("no more accepted than ordered").isLessThanOrEqualTo(10_000);
            assertThat(accepted.size()).as("the serial limit is reached: 10,000 / 300 = 33 deliveries")
                    .isEqualTo(33);

            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).getSequenceNumber()).as("no gap, no duplicate").isEqualTo(i);
            }
            BigDecimal acceptedQuantity = events.stream()
                    .filter(e -> e.getPayload() instanceof ContractDeliveredEvent)
                    .map(e -> ((ContractDeliveredEvent) e.getPayload()).lines().get(0).accepted())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(acceptedQuantity).isEqualByComparingTo("9900");
        }
    }
}
