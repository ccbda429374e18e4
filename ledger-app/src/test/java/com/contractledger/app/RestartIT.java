package com.contractledger.app;

import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop, start again on the same data directory: nothing is lost, retries stay deduplicated, deadlines still fire, and
 * an overdue milestone reported when its contract was recorded (backfilled) is not reported again.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void everything_survives_a_restart() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "onboard-sup-r1");
        LedgerProcess.Reply first;
        List<String> contractEvents;
        long storedAtStop;
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            first = ledger.post("buyer", "/api/suppliers", supplier("sup-r1"), key);
            assertThat(first.status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts",
                    contract("ct-r1", "sup-r1", day(190), day(230))).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-r1/signature", SIGNATURE).status()).isEqualTo(202);
            contractEvents = ledger.eventTypes("ct-r1");
            // recorded after the fact: d1 was due 20 days ago and is reported at signing; p1 is due in 15 days
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-r2", "sup-r1")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-r2/signature", SIGNATURE).status()).isEqualTo(202);
            assertThat(ledger.eventTypes("ct-r2")).containsExactly(
                    "ContractDraftedEvent", "ContractSignedEvent", "ContractMilestoneOverdueEvent");
            storedAtStop = ledger.storedEventCount();
        }

        // While the system is down, the milestones' due instants pass: move their stored overdue deadlines (at the
        // start of the day after each due date) into the past, exactly as the passing of time would leave them; their
        // reminders, the certification's and the expiries stay in the future.
        try (Connection db = LedgerProcess.openDatabase(dataDir);
             PreparedStatement due = db.prepareStatement(
                     "UPDATE scheduled_tasks SET execution_time = ? WHERE execution_time IN (?, ?, ?)")) {
            due.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))));
            for (int i = 0; i < 3; i++) {
                due.setTimestamp(2 + i, Timestamp.from(LocalDate.parse(List.of(day(190), day(230), PAYMENT_DUE_ON)
                        .get(i)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            assertThat(due.executeUpdate()).as("ct-r1's two milestone deadlines and ct-r2's payment deadline")
                    .isEqualTo(3);
        }

        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            assertThat(ledger.eventTypes("sup-r1")).containsExactly("SupplierOnboardedEvent");
            assertThat(ledger.eventTypes("ct-r1")).startsWith(contractEvents.toArray(String[]::new));

            LedgerProcess.Reply retry = ledger.post("buyer", "/api/suppliers", supplier("sup-r1"), key);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

            List<DomainEventMessage<?>> overdue = awaitOverdue(ledger, "ct-r1", 2);
            assertThat(overdue).extracting(e -> e.getMetaData().get("actor")).containsOnly("system");
            List<DomainEventMessage<?>> backfilledThenDue = awaitOverdue(ledger, "ct-r2", 2);
            assertThat(backfilledThenDue).extracting(e -> {
                ContractMilestoneOverdueEvent event = (ContractMilestoneOverdueEvent) e.getPayload();
                return event.milestoneId() + (event.backfilled() ? " backfilled" : " by its deadline");
            }).containsExactly("d1 backfilled", "p1 by its deadline");
            // Counted from the stop, not from the retry: the overdue deadlines may fire before the retry is sent.
            assertThat(ledger.storedEventCount()).as("the retry stored nothing; the three deadlines did")
                    .isEqualTo(storedAtStop + 3);
            ViewConsistency.assertConsistent(ledger);
        }
    }

    static List<DomainEventMessage<?>> awaitOverdue(RunningLedger ledger, String contractId, int expected)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        List<DomainEventMessage<?>> overdue = List.of();
        while (Instant.now().isBefore(deadline)) {
            overdue = ledger.events(contractId).stream()
                    .filter(e -> e.getPayloadType().getSimpleName().equals("ContractMilestoneOverdueEvent"))
                    .toList();
            if (overdue.size() >= expected) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(overdue).hasSize(expected);
        return overdue;
    }
}
