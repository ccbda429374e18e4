package com.contractledger.app;

import com.contractledger.api.serialization.HashChain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain against the stored events: a payload changed in the database, and an event stored at an old revision.
 */
class AuditChainIT extends AuditFixture {

    @Test
    void a_payload_changed_in_the_database_breaks_the_chain_from_that_event() throws Exception {
        try (LedgerProcess ledger = launch()) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-h")).status()).isEqualTo(201);
            for (String contractId : List.of("ct-h1", "ct-h2")) {
                assertThat(ledger.post("buyer", "/api/contracts", contract(contractId, "sup-h")).status()).isEqualTo(201);
                for (String[] write : HISTORY.subList(0, 4)) {
                    assertThat(ledger.post("buyer", "/api/contracts/" + contractId + write[0], write[1]).status())
                            .isBetween(201, 202);
                }
                JsonNode verified = JSON.readTree(ledger.get("auditor", "/api/audit/contracts/" + contractId + "/verify").body());
                assertThat(verified.get("verified").asBoolean()).as(contractId).isTrue();
                assertThat(verified.get("events").asLong()).isEqualTo(6);
            }
            JsonNode supplierVerified = JSON.readTree(ledger.get("compliance", "/api/audit/suppliers/sup-h/verify").body());
            assertThat(supplierVerified.get("verified").asBoolean()).isTrue();
        }

        // Someone with access to the database moves the delivery date of ct-h1's delivery (sequence 4).
        try (Connection db = LedgerProcess.openDatabase(dataDir)) {
            byte[] payload;
            try (PreparedStatement read = db.prepareStatement(
                    "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = 'ct-h1' AND sequenceNumber = 4");
                 ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                payload = row.getBytes(1);
            }
            String original = new String(payload, StandardCharsets.UTF_8);
            assertThat(original).contains("\"deliveredOn\":\"" + DELIVERED_ON + "\"");
            try (PreparedStatement write = db.prepareStatement(
                    "UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = 'ct-h1' AND sequenceNumber = 4")) {
                write.setBytes(1, original.replace(DELIVERED_ON, DELIVERY_DUE_ON).getBytes(StandardCharsets.UTF_8));
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
        }

        try (LedgerProcess ledger = launch()) {
            JsonNode tampered = JSON.readTree(ledger.get("auditor", "/api/audit/contracts/ct-h1/verify").body());
            assertThat(tampered.get("verified").asBoolean()).isFalse();
            assertThat(tampered.get("firstBrokenSequence").asLong()).isEqualTo(4);
            assertThat(tampered.get("events").asLong()).isEqualTo(6);

            JsonNode untouched = JSON.readTree(ledger.get("auditor", "/api/audit/contracts/ct-h2/verify").body());
            assertThat(untouched.get("verified").asBoolean()).isTrue();
            assertThat(untouched.get("firstBrokenSequence").isNull()).isTrue();

            // The chain goes on from what is stored: a new event links to the stored head.
            assertThat(ledger.post("buyer", "/api/contracts/ct-h2" + HISTORY.get(4)[0], HISTORY.get(4)[1]).status())
                    .isEqualTo(201);
            JsonNode extended = JSON.readTree(ledger.get("auditor", "/api/audit/contracts/ct-h2/verify").body());
            assertThat(extended.get("verified").asBoolean()).isTrue();
            assertThat(extended.get("events").asLong()).isEqualTo(7);

            assertThat(ledger.get("auditor", "/api/audit/contracts/nope/verify").status()).isEqualTo(404);
        }
    }

    @Test
    void a_delivery_stored_at_revision_1_verifies_from_its_stored_form_and_reads_upcast() throws Exception {
        try (LedgerProcess ledger = launch()) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-v")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-v", "sup-v")).status()).isEqualTo(201);
            for (String[] write : HISTORY.subList(0, 3)) {
                assertThat(ledger.post("buyer", "/api/contracts/ct-v" + write[0], write[1]).status()).isBetween(201, 202);
            }
        }

        // The delivery (the contract's last event) as it was stored before the inspector was recorded: revision 1,
        // hashed over that payload when it was appended.
        String hashed;
        try (Connection db = LedgerProcess.openDatabase(dataDir)) {
            String where = " WHERE aggregateIdentifier = 'ct-v' AND sequenceNumber = 4";
            ObjectNode payload;
            ObjectNode metaData;
            try (PreparedStatement read = db.prepareStatement(
                    "SELECT eventIdentifier, payloadType, timeStamp, payload, metaData FROM DomainEventEntry" + where);
                 ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                payload = (ObjectNode) JSON.readTree(row.getBytes("payload"));
                metaData = (ObjectNode) JSON.readTree(row.getBytes("metaData"));
                assertThat(payload.remove("inspector").asText()).isEqualTo("Li Wei");
                hashed = HashChain.hash(metaData.get("hashScheme").asInt(), metaData.get("previousHash").asText(),
                        "ct-v", 4,
                        row.getString("eventIdentifier"), row.getString("payloadType"), row.getString("timeStamp"),
                        metaData.get("actor").asText(), JSON.writeValueAsBytes(payload));
            }
            metaData.put("hash", hashed);
            try (PreparedStatement write = db.prepareStatement(
                    "UPDATE DomainEventEntry SET payloadRevision = '1', payload = ?, metaData = ?" + where)) {
                write.setBytes(1, JSON.writeValueAsBytes(payload));
                write.setBytes(2, JSON.writeValueAsBytes(metaData));
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
        }

        try (LedgerProcess ledger = launch()) {
            JsonNode delivery = JSON.readTree(ledger.get("auditor", "/api/contracts/ct-v/events").body()).get(4);
            assertThat(delivery.get("revision").asText()).isEqualTo("1");
            assertThat(delivery.get("payload").has("inspector")).isFalse();
            assertThat(delivery.at("/metaData/hash").asText()).isEqualTo(hashed);

            JsonNode verified = JSON.readTree(ledger.get("auditor", "/api/audit/contracts/ct-v/verify").body());
            assertThat(verified.get("verified").asBoolean()).isTrue();
            assertThat(verified.get("events").asLong()).isEqualTo(5);

            JsonNode state = JSON.readTree(ledger.get("auditor", "/api/contracts/ct-v/state?version=4").body());
            assertThat(state.at("/deliveries/0/delivered").decimalValue()).isEqualByComparingTo("6000");
        }
    }
}
