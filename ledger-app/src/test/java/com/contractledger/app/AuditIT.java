package com.contractledger.app;

import com.contractledger.api.serialization.HashChain;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's toolkit over HTTP: state at a point in time, raw events and their chain, and who may audit. */
class AuditIT extends AuditFixture {

    @Test
    void the_state_at_every_version_and_instant_is_rebuilt_from_the_events() throws Exception {
        try (LedgerProcess ledger = launch()) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-t")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-t", "sup-t")).status()).isEqualTo(201);
            for (String[] write : HISTORY) {
                Thread.sleep(15); // distinct stored timestamps (milliseconds) between the events
                assertThat(ledger.post("buyer", "/api/contracts/ct-t" + write[0], write[1]).status())
                        .as(write[0]).isBetween(201, 202);
            }

            List<JsonNode> states = new ArrayList<>();
            for (int version = 0; version < EVENTS; version++) {
                LedgerProcess.Reply reply = ledger.get("auditor", "/api/contracts/ct-t/state?version=" + version);
                assertThat(reply.status()).as("version " + version).isEqualTo(200);
                states.add(JSON.readTree(reply.body()));
                assertThat(states.get(version).get("version").asLong()).isEqualTo(version);
            }
            JsonNode drafted = states.get(0);
            assertThat(drafted.get("status").asText()).isEqualTo("DRAFT");
            assertThat(drafted.get("supplierId").asText()).isEqualTo("sup-t");
            assertThat(drafted.get("type").asText()).isEqualTo("GOODS");
            assertThat(drafted.get("currency").asText()).isEqualTo("CNY");
            assertThat(drafted.at("/terms/lineItems/0/unitPrice").decimalValue()).isEqualByComparingTo("0.85");
            assertThat(drafted.get("signedOn").isNull()).isTrue();
            assertThat(drafted.at("/deliveries/0/delivered").decimalValue()).isEqualByComparingTo("0");

            assertThat(states.get(1).get("status").asText()).isEqualTo("ACTIVE");
            assertThat(states.get(1).get("signedOn").asText()).isEqualTo(SIGNED_ON);
            assertThat(states.get(1).get("amendments").asInt()).isZero();
            assertThat(states.get(2).get("status").asText()).as("d1 reported overdue").isEqualTo("ACTIVE");

            assertThat(states.get(3).get("amendments").asInt()).isEqualTo(1);
            assertThat(states.get(3).at("/terms/lineItems/0/unitPrice").decimalValue()).isEqualByComparingTo("0.90");
            assertThat(states.get(3).at("/deliveredValue/amount").asText()).isEqualTo("0.00");

            JsonNode delivered = states.get(4);
            assertThat(delivered.at("/deliveries/0/milestoneId").asText()).isEqualTo("d1");
            assertThat(delivered.at("/deliveries/0/due").decimalValue()).isEqualByComparingTo("10000");
            assertThat(delivered.at("/deliveries/0/delivered").decimalValue()).isEqualByComparingTo("6000");
            assertThat(delivered.at("/deliveries/0/accepted").decimalValue()).isEqualByComparingTo("5800");
            assertThat(delivered.at("/deliveries/0/rejected").decimalValue()).isEqualByComparingTo("200");
            assertThat(delivered.at("/deliveredValue/amount").asText()).isEqualTo("5400.00");
            assertThat(delivered.get("breaches")).isEmpty();

            assertThat(states.get(5).get("breaches")).hasSize(1);
            assertThat(states.get(5).at("/penalties/amount").asText()).isEqualTo("81.00");
            assertThat(states.get(5).get("disputes")).isEmpty();

            assertThat(states.get(6).at("/disputes/0/stage").asText()).isEqualTo("NEGOTIATION");
            assertThat(states.get(6).at("/disputes/0/status").asText()).isEqualTo("OPEN");
            assertThat(states.get(7).at("/disputes/0/stage").asText()).isEqualTo("MEDIATION");
            assertThat(states.get(7).at("/disputes/0/status").asText()).isEqualTo("OPEN");
            assertThat(states.get(8).at("/disputes/0/status").asText()).isEqualTo("RESOLVED");
            assertThat(states.get(8).at("/disputes/0/outcome").asText()).isEqualTo("SETTLED");
            assertThat(states.get(8).at("/paidTotal/amount").asText()).isEqualTo("0.00");

            assertThat(states.get(9).at("/paidTotal/amount").asText()).isEqualTo("4930.00");
            assertThat(states.get(9).get("renewals").asInt()).isZero();

            assertThat(states.get(10).get("renewals").asInt()).isEqualTo(1);
            assertThat(states.get(10).at("/terms/expiresOn").asText()).isEqualTo(RENEWED_EXPIRES_ON);
            assertThat(states.get(10).at("/terms/lineItems/0/quantity").decimalValue()).isEqualByComparingTo("15000");
            assertThat(states.get(10).get("status").asText()).isEqualTo("ACTIVE");

            JsonNode terminated = states.get(11);
            assertThat(terminated.get("status").asText()).isEqualTo("TERMINATED");
            assertThat(terminated.get("terminatedOn").asText()).isEqualTo(TERMINATION_EFFECTIVE_ON);
            assertThat(terminated.get("expired").asBoolean()).isFalse();

            JsonNode current = JSON.readTree(ledger.get("compliance", "/api/contracts/ct-t/state").body());
            assertThat(current).isEqualTo(terminated);

            // asOf: between two events gives the earlier one; at an event's own instant includes it.
            JsonNode events = JSON.readTree(ledger.get("auditor", "/api/contracts/ct-t/events").body());
            Instant third = Instant.parse(events.get(4).get("timestamp").asText());
            Instant fourth = Instant.parse(events.get(5).get("timestamp").asText());
            assertThat(fourth).isAfter(third.plusMillis(1));
            Instant between = third.plusMillis(1);
            assertThat(JSON.readTree(ledger.get("auditor", "/api/contracts/ct-t/state?asOf=" + between).body()))
                    .isEqualTo(states.get(4));
            assertThat(JSON.readTree(ledger.get("auditor", "/api/contracts/ct-t/state?asOf=" + fourth).body()))
                    .isEqualTo(states.get(5));
            assertThat(JSON.readTree(ledger.get("auditor", "/api/contracts/ct-t/state?asOf=" + fourth).body())
                    .get("asOfEventTimestamp").asText()).isEqualTo(fourth.toString());

            Instant created = Instant.parse(events.get(0).get("timestamp").asText());
            assertThat(ledger.get("auditor", "/api/contracts/ct-t/state?asOf=" + created.minusMillis(1)).status())
                    .as("before the first event").isEqualTo(404);
            assertThat(ledger.get("auditor", "/api/contracts/ct-t/state?version=" + EVENTS).status()).isEqualTo(404);
            assertThat(ledger.get("auditor", "/api/contracts/nope/state").status()).isEqualTo(404);
            assertThat(ledger.get("auditor", "/api/suppliers/ct-t/state").status()).as("not a supplier").isEqualTo(404);
            assertThat(ledger.get("auditor", "/api/contracts/ct-t/state?version=1&asOf=" + between).status())
                    .isEqualTo(400);
            assertThat(ledger.get("auditor", "/api/contracts/ct-t/state?version=one").status()).isEqualTo(400);
            assertThat(ledger.get("auditor", "/api/contracts/ct-t/state?version=-1").status()).isEqualTo(400);
            LedgerProcess.Reply badInstant = ledger.get("auditor", "/api/contracts/ct-t/state?asOf=yesterday");
            assertThat(badInstant.status()).isEqualTo(400);
            assertThat(badInstant.header("Content-Type")).startsWith("application/problem+json");

            // The raw events: one per version, in order, with revision, payload and chain; the global position is
            // told by the export only (a read of one aggregate does not know it).
            assertThat(events).hasSize(EVENTS);
            String previousHash = "";
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                assertThat(event.get("sequence").asLong()).isEqualTo(i);
                assertThat(event.get("globalPosition").isNull()).isTrue();
                assertThat(event.get("metaData").get("actor").asText()).isEqualTo("buyer");
                assertThat(event.get("metaData").get("previousHash").asText()).isEqualTo(previousHash);
                assertThat(event.get("metaData").get("hashScheme").asInt()).isEqualTo(HashChain.SCHEME);
                previousHash = event.get("metaData").get("hash").asText();
                assertThat(previousHash).matches("[0-9a-f]{64}");
            }
            assertThat(events.get(0).get("type").asText()).isEqualTo("ContractDraftedEvent");
            assertThat(events.get(0).get("revision").asText()).isEqualTo("1");
            JsonNode delivery = events.get(4);
            assertThat(delivery.get("type").asText()).isEqualTo("ContractDeliveredEvent");
            assertThat(delivery.get("revision").asText()).isEqualTo("2");
            assertThat(delivery.at("/payload/inspector").asText()).isEqualTo("Li Wei");
            assertThat(delivery.at("/payload/lines/0/rejected").asInt()).isEqualTo(200);
            assertThat(delivery.get("eventId").asText()).isEqualTo(ledger.events("ct-t").get(4).getIdentifier());

            // The supplier's state and events.
            JsonNode supplierState = JSON.readTree(ledger.get("auditor", "/api/suppliers/sup-t/state?version=0").body());
            assertThat(supplierState.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(supplierState.get("legalName").asText()).isEqualTo("Huadong Precision Parts Co., Ltd.");
            assertThat(supplierState.get("tier").asText()).isEqualTo("GENERAL");
            assertThat(ledger.get("auditor", "/api/suppliers/sup-t/events").status()).isEqualTo(200);
            assertThat(ledger.get("auditor", "/api/suppliers/ct-t/events").status()).isEqualTo(404);

            JsonNode verified = JSON.readTree(ledger.get("auditor", "/api/audit/contracts/ct-t/verify").body());
            assertThat(verified.get("verified").asBoolean()).isTrue();
            assertThat(verified.get("events").asLong()).isEqualTo(EVENTS);
            assertThat(verified.get("headHash").asText()).isEqualTo(previousHash);
            assertThat(verified.get("firstBrokenSequence").isNull()).isTrue();
        }
    }

    @Test
    void buyers_and_dashboards_may_not_audit() {
        try (LedgerProcess ledger = launch()) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-r")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-r", "sup-r")).status()).isEqualTo(201);
            List<String> paths = List.of("/api/contracts/ct-r/state", "/api/contracts/ct-r/state?version=0",
                    "/api/contracts/ct-r/events", "/api/suppliers/sup-r/state", "/api/suppliers/sup-r/events",
                    "/api/audit/contracts/ct-r/verify", "/api/audit/suppliers/sup-r/verify",
                    "/api/audit/export", "/api/audit/export?format=csv");
            for (String path : paths) {
                for (String user : List.of("buyer", "dashboard", "admin")) {
                    assertThat(ledger.get(user, path).status()).as(user + " " + path).isEqualTo(403);
                }
                for (String user : List.of("auditor", "compliance")) {
                    assertThat(ledger.get(user, path).status()).as(user + " " + path).isEqualTo(200);
                }
            }
        }
    }
}
