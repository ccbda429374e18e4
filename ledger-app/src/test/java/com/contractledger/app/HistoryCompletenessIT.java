package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many random valid command sequences across contracts, through the API; afterwards every contract's history equals its
 * stored events one for one: the same event ids, in the same order, with the same types, actors and correlation ids.
 */
class HistoryCompletenessIT {

    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_contract_history_equals_its_stored_events() throws Exception {
        Random random = new Random(20261123L);
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-r")).status()).isEqualTo(201);
            List<String> contracts = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String contractId = "ct-r" + c;
                contracts.add(contractId);
                assertThat(ledger.post("buyer", "/api/contracts", contract(contractId, "sup-r")).status()).isEqualTo(201);
                assertThat(ledger.post("buyer", "/api/contracts/" + contractId + "/signature", SIGNATURE).status())
                        .isEqualTo(202);
                assertThat(ledger.post("buyer", "/api/contracts/" + contractId + "/disputes", """
                        {"disputeId": "dp-1", "category": "QUANTITY",
                         "claimAmount": {"amount": "5.00", "currency": "CNY"}, "description": "count"}""").status())
                        .isEqualTo(201);
            }
            int deliveries = 0;
            int payments = 0;
            for (int step = 0; step < 160; step++) {
                String contractId = contracts.get(random.nextInt(contracts.size()));
                Map<String, String> correlation = Map.of("X-Correlation-Id", "step-" + step);
                String path;
                String body;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        path = "/amendments";
                        body = "{\"reason\": \"TERMS_CORRECTION\", \"description\": \"step " + step
                                + "\", \"changes\": {\"title\": \"Title " + step + "\"}}";
                    }
                    case 1 -> {
                        path = "/deliveries";
                        body = """
                                {"deliveryId": "dl-%d", "milestoneId": "d1", "deliveredOn": "%s",
                                 "lines": [{"sku": "M8-30", "delivered": 10, "accepted": 9, "rejected": 1}]}"""
                                .formatted(deliveries++, DELIVERED_ON);
                    }
                    case 2 -> {
                        path = "/payments";
                        body = """
                                {"paymentId": "pay-%d", "amount": {"amount": "10.00", "currency": "CNY"},
                                 "paidOn": "%s"}""".formatted(payments++, PAID_ON);
                    }
                    default -> {
                        path = "/disputes/dp-1/notes";
                        body = "{\"text\": \"note " + step + "\"}";
                    }
                }
                LedgerProcess.Reply reply = ledger.post("buyer", "/api/contracts/" + contractId + path, body, correlation);
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            }

            for (String contractId : contracts) {
                JsonNode stored = json.readTree(ledger.get("auditor", "/api/contracts/" + contractId + "/events").body());
                long lastVersion = stored.get(stored.size() - 1).get("sequence").asLong();
                LedgerProcess.Reply history = ledger.get("auditor",
                        "/api/contracts/" + contractId + "/history?minVersion=" + lastVersion);
                assertThat(history.header("X-Read-Model-Caught-Up")).isEqualTo("true");
                JsonNode entries = json.readTree(history.body()).get("entries");

                assertThat(entries.size()).as(contractId + " entries").isEqualTo(stored.size());
                for (int i = 0; i < stored.size(); i++) {
                    JsonNode event = stored.get(i);
                    JsonNode entry = entries.get(i);
                    assertThat(entry.get("sequence").asLong()).isEqualTo(event.get("sequence").asLong());
                    assertThat(entry.get("eventId").asText()).isEqualTo(event.get("eventId").asText());
                    assertThat(entry.get("type").asText() + "Event").isEqualTo(event.get("type").asText());
                    assertThat(entry.get("actor").asText()).isEqualTo(event.get("metaData").get("actor").asText());
                    assertThat(entry.get("correlationId").asText())
                            .isEqualTo(event.get("metaData").get("correlationId").asText());
                }
                assertThat(pagedByThree(ledger, contractId)).as(contractId + " paged").isEqualTo(entries);
            }
        }
    }

    /** The history read three entries a page, following {@code nextAfter}, each page saying the contract's version. */
    private JsonNode pagedByThree(LedgerProcess ledger, String contractId) throws Exception {
        var entries = json.createArrayNode();
        String query = "?size=3";
        while (query != null) {
            JsonNode page = json.readTree(ledger.get("auditor", "/api/contracts/" + contractId + "/history" + query)
                    .body());
            assertThat(page.get("entries").size()).isBetween(1, 3);
            page.get("entries").forEach(entries::add);
            JsonNode next = page.get("nextAfter");
            assertThat(page.get("version").asLong()).isGreaterThanOrEqualTo(entries.get(entries.size() - 1)
                    .get("sequence").asLong());
            query = next.isNull() ? null : "?size=3&after=" + next.asLong();
        }
        return entries;
    }
}
