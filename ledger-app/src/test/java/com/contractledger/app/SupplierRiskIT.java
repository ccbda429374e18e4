package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplier's risk as a user follows it: three clean deliveries on time, then late deliveries with rejections, each
 * of which raises the score, and the reasons name the deliveries.
 */
class SupplierRiskIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    static LedgerProcess ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void each_late_and_rejected_delivery_raises_the_risk_and_the_reasons_name_it() throws Exception {
        write("/api/suppliers", supplier("sup-risk"));
        write("/api/contracts", contract("ct-risk", "sup-risk", TODAY.minusDays(10).toString(),
                TODAY.plusDays(20).toString()));
        write("/api/contracts/ct-risk/signature", """
                {"signatories": ["Wang Li"], "signedOn": "%s"}""".formatted(TODAY.minusDays(30)));
        for (int i = 1; i <= 3; i++) {
            write("/api/contracts/ct-risk/deliveries", delivery("dl-" + i, TODAY.minusDays(12), 0));
        }
        JsonNode[] caughtUp = new JsonNode[1];
        eventually(Duration.ofSeconds(20), () -> {
            caughtUp[0] = risk("sup-risk");
            assertThat(factor(caughtUp[0], "onTimeDelivery").get("explanation").asText())
                    .isEqualTo("0 of the last 3 deliveries late");
        });
        JsonNode clean = caughtUp[0];
        assertThat(factor(clean, "onTimeDelivery").get("contribution").decimalValue()).isZero();

        assertThat(clean.get("level").asText()).isEqualTo("LOW");

        List<Integer> scores = new ArrayList<>(List.of(clean.get("score").asInt()));
        String lastEventId = null;
        try (SseClient stream = SseClient.connect(ledger.baseUrl(), "/api/stream/risk", "compliance", null)) {
            assertThat(stream.status).isEqualTo(200);
            for (int i = 4; i <= 6; i++) {
                int version = write("/api/contracts/ct-risk/deliveries", delivery("dl-" + i, TODAY.minusDays(5), 150));
                lastEventId = ledger.events("ct-risk").get(version).getIdentifier();
                JsonNode risk = caughtUp("sup-risk", lastEventId);
                scores.add(risk.get("score").asInt());
                assertThat(factor(risk, "onTimeDelivery").get("explanation").asText())
                        .isEqualTo("%d of the last %d deliveries late".formatted(i - 3, Math.min(i, 5)));
                assertThat(factor(risk, "qualityRejection").get("evidence").findValuesAsText("eventId"))
                        .contains(lastEventId);
            }
            // 5 dependence + 9 late + 6.75 rejected + 10 on-time falling from 100 % to 40 % + 4.5 rejections rising
            assertThat(risk("sup-risk").get("level").asText()).isEqualTo("MEDIUM");
            SseClient.Event change = stream.next(Duration.ofSeconds(20));
            assertThat(change).isNotNull();
            assertThat(change.name()).isEqualTo("risk");
            JsonNode announced = JSON.readTree(change.data());
            assertThat(announced.get("supplierId").asText()).isEqualTo("sup-risk");
            assertThat(announced.get("from").asText() + "→" + announced.get("to").asText()).isEqualTo("LOW→MEDIUM");
            assertThat(announced.get("eventId").asText()).isEqualTo(lastEventId);
        }
        assertThat(scores).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
        JsonNode profile = JSON.readTree(ledger.get("dashboard", "/api/suppliers/sup-risk").body());
        assertThat(profile.get("legalName").asText()).isEqualTo("Huadong Precision Parts Co., Ltd.");
        assertThat(profile.at("/risk/level").asText()).isEqualTo("MEDIUM");
        assertThat(profile.at("/risk/since").asText()).isNotEmpty();

        // what the ledger knew before the late deliveries, asked afterwards
        JsonNode then = JSON.readTree(ledger.get("auditor", "/api/suppliers/sup-risk/risk?asOf="
                + clean.get("asOf").asText()).body());
        assertThat(then.get("score").asInt()).isEqualTo(clean.get("score").asInt());
        assertThat(then.get("factors")).isEqualTo(clean.get("factors"));
        assertThat(ledger.get("auditor", "/api/suppliers/sup-risk/risk?asOf=" + TODAY.plusDays(2) + "T00:00:00Z")
                .status()).isEqualTo(400);
        assertThat(ledger.get("auditor", "/api/suppliers/sup-risk/risk?asOf=yesterday").status()).isEqualTo(400);
        assertThat(ledger.get("auditor", "/api/suppliers/sup-risk/risk?asOf=2001-01-01T00:00:00Z").status())
                .as("before the supplier existed").isEqualTo(404);

        JsonNode listed = JSON.readTree(ledger.get("dashboard", "/api/risk?category=fasteners").body());
        assertThat(listed.get("items").findValuesAsText("supplierId")).contains("sup-risk");
        assertThat(ledger.get("auditor", "/api/suppliers/sup-nope/risk").status()).isEqualTo(404);
        RunningLedger.Reply badLevel = ledger.get("auditor", "/api/risk?level=SEVERE");
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String delivery(String deliveryId, LocalDate on, int rejected) {
        return """
                {"deliveryId": "%s", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 1000, "accepted": %d, "rejected": %d}]}"""
                .formatted(deliveryId, on, 1000 - rejected, rejected);
    }

    private static int write(String path, String body) throws Exception {
        RunningLedger.Reply reply = ledger.post("buyer", path, body);
        assertThat(reply.status()).as(path + " " + reply.body()).isIn(201, 202);
        return JSON.readTree(reply.body()).get("version").asInt();
    }

    private static JsonNode risk(String supplierId) throws Exception {
        RunningLedger.Reply reply = ledger.get("auditor", "/api/suppliers/" + supplierId + "/risk");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    /** The risk once the projection has seen the event: the reasons of the on-time factor name it. */
    private static JsonNode caughtUp(String supplierId, String eventId) throws Exception {
        JsonNode[] risk = new JsonNode[1];
        eventually(Duration.ofSeconds(20), () -> {
            risk[0] = risk(supplierId);
            assertThat(factor(risk[0], "onTimeDelivery").get("evidence").findValuesAsText("eventId")).contains(eventId);
        });
        return risk[0];
    }

    private static JsonNode factor(JsonNode risk, String name) {
        for (JsonNode factor : risk.get("factors")) {
            if (factor.get("name").asText().equals(name)) {
                return factor;
            }
        }
        throw new AssertionError("no factor " + name + " in " + risk);
    }
}
