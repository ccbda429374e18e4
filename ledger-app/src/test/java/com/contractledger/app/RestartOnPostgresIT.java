package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop, start again on the same PostgreSQL database and MongoDB (the postgres profile): events, idempotency keys,
 * deadlines, processor tokens and read models all carry on.
 */
class RestartOnPostgresIT {

    private static final List<String> PROJECTIONS = List.of("contract-history", "contract-summaries",
            "dispute-timelines", "milestones", "spend", "supplier-profiles", "supplier-risk", "supplier-scorecards");

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();
    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everything_survives_a_restart() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "onboard-sup-pr1");
        try (InTestMongo mongo = new InTestMongo()) {
            LedgerProcess.Reply first;
            List<String> contractEvents;
            JsonNode historyBefore;
            long storedAtStop;
            try (LedgerProcess ledger = start(mongo)) {
                first = ledger.post("buyer", "/api/suppliers", supplier("sup-pr1"), key);
                assertThat(first.status()).isEqualTo(201);
                assertThat(ledger.post("buyer", "/api/contracts",
                        contract("ct-pr1", "sup-pr1", day(190), day(230))).status()).isEqualTo(201);
                assertThat(ledger.post("buyer", "/api/contracts/ct-pr1/signature", SIGNATURE).status())
                        .isEqualTo(202);
                contractEvents = ledger.eventTypes("ct-pr1");
                historyBefore = caughtUp(ledger.get("auditor", "/api/contracts/ct-pr1/history?minVersion=1"));
                awaitNoLag(ledger);
                storedAtStop = ledger.storedEventCount();
            }

            // Every projection's tokens are rows of Axon's token table on PostgreSQL, none in MongoDB.
            try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
                List<String> processors = new ArrayList<>();
                List<String> positioned = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT processorName, token FROM TokenEntry")) {
                    while (rows.next()) {
                        processors.add(rows.getString("processorName"));
                        if (rows.getBytes("token") != null) {
                            positioned.add(rows.getString("processorName"));
                        }
                    }
                }
                assertThat(processors).containsAll(PROJECTIONS);
                // (a processor that has handled nothing yet, like the dispute timelines here, stores no position)
                assertThat(positioned).contains("contract-history", "contract-summaries", "milestones");
                // While the system is down, the milestones' due instants pass (their reminders, the certification's and
                // the expiry stay in the future): the overdue deadlines fall at the start of the day after each due date.
                assertThat(statement.executeUpdate("UPDATE scheduled_tasks SET execution_time = now() - interval '5 "
                        + "minutes' WHERE execution_time IN (timestamptz '" + day(191) + " 00:00:00+00', timestamptz '"
                        + day(231) + " 00:00:00+00')")).as("the two milestone deadlines").isEqualTo(2);
            }
            assertThat(mongo.collectionNames()).contains("contract_history").doesNotContain("tracking_tokens");

            try (LedgerProcess ledger = start(mongo)) {
                assertThat(ledger.eventTypes("sup-pr1")).containsExactly("SupplierOnboardedEvent");
                assertThat(ledger.eventTypes("ct-pr1")).startsWith(contractEvents.toArray(String[]::new));

                LedgerProcess.Reply retry = ledger.post("buyer", "/api/suppliers", supplier("sup-pr1"), key);
                assertThat(retry.status()).isEqualTo(201);
                assertThat(retry.body()).isEqualTo(first.body());
                assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");

                List<DomainEventMessage<?>> overdue = RestartIT.awaitOverdue(ledger, "ct-pr1", 2);
                assertThat(overdue).extracting(e -> e.getMetaData().get("actor")).containsOnly("system");
                // Counted from the stop, not from the retry: the overdue deadlines may fire before the retry is sent.
                assertThat(ledger.storedEventCount()).as("the retry stored nothing; the two deadlines did")
                        .isEqualTo(storedAtStop + 2);

                // The views carried on from their tokens: the history kept its entries and added the two new ones.
                JsonNode history = caughtUp(ledger.get("auditor", "/api/contracts/ct-pr1/history?minVersion=3"));
                List<String> stored = ledger.events("ct-pr1").stream().map(DomainEventMessage::getIdentifier).toList();
                List<String> entries = new ArrayList<>();
                history.get("entries").forEach(entry -> entries.add(entry.get("eventId").asText()));
                assertThat(entries).containsExactlyElementsOf(stored);
                for (int i = 0; i < historyBefore.get("entries").size(); i++) {
                    assertThat(history.get("entries").get(i)).isEqualTo(historyBefore.get("entries").get(i));
                }
                eventually(Duration.ofSeconds(30), () -> assertThat(json.readTree(
                        ledger.get("dashboard", "/api/contracts/ct-pr1").body()).get("version").asLong())
                        .isEqualTo(3));
            }
        }
    }

    private LedgerProcess start(InTestMongo mongo) {
        return LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri()));
    }

    private JsonNode caughtUp(LedgerProcess.Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Read-Model-Caught-Up")).isEqualTo("true");
        return json.readTree(reply.body());
    }

    private void awaitNoLag(LedgerProcess ledger) throws Exception {
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode statuses = json.readTree(ledger.get("admin", "/api/admin/projections").body());
            assertThat(statuses).hasSize(PROJECTIONS.size());
            statuses.forEach(status -> assertThat(status.get("lag").asLong(-1)).as(status.toString()).isZero());
        });
    }
}
