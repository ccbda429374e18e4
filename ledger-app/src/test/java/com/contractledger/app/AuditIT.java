package com.contractledger.app;

import com.contractledger.api.serialization.HashChain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's toolkit over HTTP: state at a point in time, raw events, hash-chain verification, export, roles. */
class AuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** The application on the embedded default; a subclass may launch it otherwise. */
    LedgerProcess launch(String... arguments) {
        return LedgerProcess.start(dataDir, arguments);
    }

    /**
     * Dated from today like the walkthrough: d1 is already past due when the contract is signed, so the signature stores
     * two events (signed, d1 overdue, backfilled); the payment is due in 15 days, so no deadline fires while the test
     * runs.
     */
    static String contract(String contractId, String supplierId) {
        return """
                {"contractId": "%s", "supplierId": "%s", "title": "M8 bolts", "type": "GOODS", "currency": "CNY",
                 "lineItems": [{"sku": "M8-30", "description": "M8x30 bolt", "quantity": 10000, "unit": "pcs",
                                "unitPrice": "0.85"}],
                 "deliveries": [{"milestoneId": "d1", "dueOn": "%s", "lines": [{"sku": "M8-30", "quantity": 10000}]}],
                 "paymentTerms": {"netDays": 30, "schedule": [{"milestoneId": "p1", "dueOn": "%s", "amount": "8500.00"}]},
                 "qualityStandards": ["GB/T 5783-2016"],
                 "penaltyClause": {"lateDeliveryRatePerDay": "0.005", "cap": "0.10"},
                 "guarantee": {"type": "PERFORMANCE_BOND", "amount": "850.00"},
                 "effectiveFrom": "%s", "expiresOn": "%s"}"""
                .formatted(contractId, supplierId, DELIVERY_DUE_ON, PAYMENT_DUE_ON, EFFECTIVE_FROM, EXPIRES_ON);
    }

    /** The scripted history: each write; each stores one event, the signature two. */
    private static final List<String[]> HISTORY = List.of(
            new String[]{"/signature", """
                    {"signatories": ["Wang Li", "Zhao Min"], "signedOn": "%s"}""".formatted(SIGNED_ON)},
            new String[]{"/amendments", """
                    {"reason": "PRICE_ADJUSTMENT", "description": "steel price +6%",
                     "changes": {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}}"""},
            new String[]{"/deliveries", """
                    {"deliveryId": "dl-1", "milestoneId": "d1", "deliveredOn": "%s",
                     "lines": [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}],
                     "inspectionNotes": "200 pcs thread defects", "inspector": "Li Wei"}""".formatted(DELIVERED_ON)},
            new String[]{"/breaches", """
                    {"breachId": "br-1", "type": "LATE_DELIVERY", "responsibleParty": "SUPPLIER",
                     "description": "d1 three days late", "relatedDeliveryId": "dl-1", "occurredOn": "%s"}"""
                    .formatted(DELIVERED_ON)},
            new String[]{"/disputes", """
                    {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                     "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}"""},
            new String[]{"/disputes/dp-1/escalations", """
                    {"to": "MEDIATION", "reason": "no agreement after 2 meetings"}"""},
            new String[]{"/disputes/dp-1/resolution", """
                    {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                     "summary": "split the difference"}"""},
            new String[]{"/payments", """
                    {"paymentId": "pay-1", "amount": {"amount": "4930.00", "currency": "CNY"}, "paidOn": "%s",
                     "reference": "BANK-7781"}""".formatted(PAID_ON)},
            new String[]{"/renewals", """
                    {"newExpiresOn": "%s", "changes": {"lineItems": [{"sku": "M8-30", "quantity": 15000}]}}"""
                    .formatted(RENEWED_EXPIRES_ON)},
            new String[]{"/termination", """
                    {"reason": "supplier exits the market", "effectiveOn": "%s"}""".formatted(TERMINATION_EFFECTIVE_ON)});

    /** The events the history stores: drafted, then one per write and the overdue d1 with the signature. */
    private static final int EVENTS = 1 + HISTORY.size() + 1;

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

    @Test
    void the_export_streams_every_event_with_its_chain_in_pages() throws Exception {
        int pageSize = 20;
        try (LedgerProcess ledger = launch("--ledger.audit.export-page-size=" + pageSize)) {
            for (String supplierId : List.of("sup-x", "sup-y")) {
                assertThat(ledger.post("buyer", "/api/suppliers", supplier(supplierId)).status()).isEqualTo(201);
            }
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-x", "sup-x")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-y", "sup-y")).status()).isEqualTo(201);
            for (String[] write : HISTORY.subList(0, 3)) {
                assertThat(ledger.post("buyer", "/api/contracts/ct-x" + write[0], write[1]).status()).isBetween(201, 202);
            }
            logCommunications(ledger, 400);
            long stored = ledger.storedEventCount();
            assertThat(stored).isEqualTo(2 + 2 + 3 + 1 + 400); // the signature stores two

            double pagesBefore = metric(ledger, "ledger_audit_export_pages_total");
            LedgerProcess.Reply ndjson = ledger.get("auditor", "/api/audit/export?format=ndjson");
            assertThat(ndjson.status()).isEqualTo(200);
            assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
            List<JsonNode> all = ndjson.body().lines().map(AuditIT::parse).toList();
            assertThat(all).hasSize((int) stored);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).get("globalPosition").asLong()).isGreaterThan(all.get(i - 1).get("globalPosition").asLong());
            }
            // Read in pages of at most pageSize events: one page more than full pages (the last is partial or empty).
            assertThat(metric(ledger, "ledger_audit_export_pages_total") - pagesBefore).isEqualTo(stored / pageSize + 1);
            assertThat(metric(ledger, "ledger_audit_export_page_rows_max")).isLessThanOrEqualTo(pageSize);

            // Hashes match the events endpoint.
            JsonNode ctx = JSON.readTree(ledger.get("auditor", "/api/contracts/ct-x/events").body());
            List<JsonNode> exportedCtx = all.stream().filter(e -> e.get("aggregateId").asText().equals("ct-x")).toList();
            assertThat(exportedCtx).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(exportedCtx.get(i).at("/metaData/hash")).isEqualTo(ctx.get(i).at("/metaData/hash"));
                assertThat(exportedCtx.get(i).get("payload")).isEqualTo(ctx.get(i).get("payload"));
            }

            // Filters: a contract; a supplier with its contracts; a time range.
            List<JsonNode> ofContract = ledger.get("compliance", "/api/audit/export?contractId=ct-y").body().lines()
                    .map(AuditIT::parse).toList();
            assertThat(ofContract).extracting(e -> e.get("aggregateId").asText()).containsExactly("ct-y");
            List<JsonNode> ofSupplier = ledger.get("compliance", "/api/audit/export?supplierId=sup-x").body().lines()
                    .map(AuditIT::parse).toList();
            assertThat(ofSupplier).extracting(e -> e.get("aggregateId").asText()).containsOnly("sup-x", "ct-x");
            assertThat(ofSupplier).hasSize(all.stream().filter(e -> Set.of("sup-x", "ct-x")
                    .contains(e.get("aggregateId").asText())).toList().size());
            JsonNode fifth = all.get(4);
            JsonNode tenth = all.get(9);
            List<JsonNode> range = ledger.get("auditor", "/api/audit/export?from=" + fifth.get("timestamp").asText()
                    + "&to=" + tenth.get("timestamp").asText()).body().lines().map(AuditIT::parse).toList();
            assertThat(range).allSatisfy(e -> {
                assertThat(e.get("timestamp").asText()).isGreaterThanOrEqualTo(fifth.get("timestamp").asText());
                assertThat(e.get("timestamp").asText()).isLessThan(tenth.get("timestamp").asText());
            });
            assertThat(range).extracting(e -> e.get("eventId").asText()).contains(fifth.get("eventId").asText())
                    .doesNotContain(tenth.get("eventId").asText());

            // CSV parses back to the same events, hashes and payloads.
            LedgerProcess.Reply csv = ledger.get("auditor", "/api/audit/export?format=csv&supplierId=sup-x");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<List<String>> rows = parseCsv(csv.body());
            List<String> header = rows.get(0);
            assertThat(header).startsWith("globalPosition", "aggregateType", "aggregateId", "sequence", "eventId", "type");
            assertThat(rows).hasSize(ofSupplier.size() + 1);
            for (int i = 0; i < ofSupplier.size(); i++) {
                List<String> row = rows.get(i + 1);
                JsonNode expected = ofSupplier.get(i);
                assertThat(row.get(header.indexOf("eventId"))).isEqualTo(expected.get("eventId").asText());
                assertThat(row.get(header.indexOf("hash"))).isEqualTo(expected.at("/metaData/hash").asText());
                assertThat(row.get(header.indexOf("previousHash"))).isEqualTo(expected.at("/metaData/previousHash").asText());
                assertThat(row.get(header.indexOf("actor"))).isEqualTo("buyer");
                assertThat(JSON.readTree(row.get(header.indexOf("payload")))).isEqualTo(expected.get("payload"));
                assertThat(JSON.readTree(row.get(header.indexOf("metaData")))).isEqualTo(expected.get("metaData"));
            }

            assertThat(ledger.get("auditor", "/api/audit/export?format=xml").status()).isEqualTo(400);
            assertThat(ledger.get("auditor", "/api/audit/export?from=monday").status()).isEqualTo(400);
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

    private static void logCommunications(LedgerProcess ledger, int count) throws Exception {
        int suppliers = 8;
        for (int s = 0; s < suppliers; s++) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-c" + s)).status()).isEqualTo(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(suppliers);
        try {
            List<Future<Integer>> writes = new ArrayList<>();
            int each = (count - suppliers) / suppliers;
            for (int s = 0; s < suppliers; s++) {
                String path = "/api/suppliers/sup-c" + s + "/communications";
                int n = each + (s < (count - suppliers) % suppliers ? 1 : 0);
                writes.add(pool.submit(() -> {
                    int created = 0;
                    for (int i = 0; i < n; i++) {
                        if (ledger.post("buyer", path, """
                                {"channel": "EMAIL", "participants": ["Chen Jing"], "summary": "call-off, \\"week\\" %d\\nok",
                                 "occurredAt": "2026-01-01T09:00:00Z"}""".formatted(i)).status() == 201) {
                            created++;
                        }
                    }
                    return created;
                }));
            }
            int created = 0;
            for (Future<Integer> write : writes) {
                created += write.get();
            }
            assertThat(created + suppliers).isEqualTo(count);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double metric(LedgerProcess ledger, String name) {
        LedgerProcess.Reply prometheus = ledger.get("admin", "/actuator/prometheus");
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(prometheus.body());
        return line.find() ? Double.parseDouble(line.group(2)) : 0;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length()).as("the last record ends in CRLF").isZero();
        return rows;
    }
}
