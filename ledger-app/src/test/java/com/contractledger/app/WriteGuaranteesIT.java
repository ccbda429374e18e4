package com.contractledger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent retries, concurrent writers and long-lived contracts, over HTTP. One application serves the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteGuaranteesIT {

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() {
        // A low threshold so the test sees snapshots without writing hundreds of events.
        ledger = launch("--ledger.snapshot-threshold=20");
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-w")).status()).isEqualTo(201);
    }

    /** The application on the embedded default; {@link WriteGuaranteesOnPostgresIT} launches it on PostgreSQL. */
    LedgerProcess launch(String... arguments) {
        return LedgerProcess.start(dataDir, arguments);
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
    }

    @Test
    void simultaneous_retries_with_one_idempotency_key_store_one_event_and_get_one_answer() throws Exception {
        long before = ledger.storedEventCount();
        Map<String, String> key = Map.of("Idempotency-Key", "concurrent-retry-1");
        List<LedgerProcess.Reply> replies = inParallel(8,
                () -> ledger.post("buyer", "/api/contracts", contract("ct-w-idem", "sup-w"), key));

        assertThat(replies).extracting(LedgerProcess.Reply::status).containsOnly(201);
        assertThat(replies).extracting(LedgerProcess.Reply::body).containsOnly("{\"id\":\"ct-w-idem\",\"version\":0}");
        assertThat(ledger.storedEventCount()).isEqualTo(before + 1);
    }

    @Test
    void concurrent_writers_with_if_match_get_exactly_one_success_per_version() throws Exception {
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-w-race", "sup-w")).status()).isEqualTo(201);
        List<LedgerProcess.Reply> replies = inParallel(10, () -> ledger.post("buyer",
                "/api/contracts/ct-w-race/signature", SIGNATURE, Map.of("If-Match", "0")));

        assertThat(replies).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 202).extracting(LedgerProcess.Reply::status).containsOnly(409);
        assertThat(ledger.eventTypes("ct-w-race")).containsExactly("ContractDraftedEvent", "ContractSignedEvent",
                "ContractMilestoneOverdueEvent");
    }

    @Test
    void a_long_lived_contract_is_snapshotted_and_keeps_answering() throws Exception {
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-w-long", "sup-w")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts/ct-w-long/signature", SIGNATURE).status()).isEqualTo(202);
        assertThat(ledger.post("buyer", "/api/contracts/ct-w-long/disputes", """
                {"disputeId": "dp-long", "category": "QUANTITY",
                 "claimAmount": {"amount": "10.00", "currency": "CNY"}, "description": "counting"}""").status())
                .isEqualTo(201);
        for (int note = 0; note < 60; note++) {
            assertThat(ledger.post("buyer", "/api/contracts/ct-w-long/disputes/dp-long/notes",
                    "{\"text\": \"call " + note + "\"}").status()).isEqualTo(201);
        }
        LedgerProcess.Reply last = ledger.post("buyer", "/api/contracts/ct-w-long/disputes/dp-long/escalations",
                "{\"to\": \"ARBITRATION\", \"reason\": \"no progress\"}");
        assertThat(last.status()).isEqualTo(201);
        // drafted, signed with d1 overdue (2), the dispute, 60 notes, the escalation
        assertThat(json.readTree(last.body()).get("version").asLong()).isEqualTo(64);

        Long snapshots = ledger.bean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = 'ct-w-long'", Long.class);
        assertThat(snapshots).isPositive();
        assertThat(ledger.events("ct-w-long")).hasSize(65);
    }

    private static List<LedgerProcess.Reply> inParallel(int count, Callable<LedgerProcess.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<LedgerProcess.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<LedgerProcess.Reply> replies = new ArrayList<>();
            for (Future<LedgerProcess.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
