package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.LongStream;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound webhooks against a real HTTP receiver that checks each delivery's signature by its own reading of the
 * Standard Webhooks specification. Retries are quick here (100 ms, three times, then 2 s) and an endpoint failing for
 * a second is disabled, so that the whole life of a delivery fits in a test.
 */
class WebhooksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    static LedgerProcess ledger;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir, "--ledger.webhooks.allowed-hosts=127.0.0.1",
                "--ledger.webhooks.retry-delays=100ms,100ms,100ms,2s", "--ledger.webhooks.disable-after=1s",
                "--ledger.webhooks.poll-interval=50ms");
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(receiver -> receiver.close());
    }

    @Test
    void everyEventArrivesSignedOnceAndInOrderPerAggregate() throws Exception {
        WebhookReceiver receiver = receiver(request -> 204);
        JsonNode webhook = register(receiver, "[\"*\"]");
        String secret = webhook.get("secret").asText();
        assertThat(secret).startsWith("whsec_");

        String supplierId = "sup-wh-1";
        String contractId = "ct-wh-1";
        deliverLateAndBreach(supplierId, contractId);

        int stored = ledger.events(supplierId).size() + ledger.events(contractId).size();
        eventually(WAIT, () -> assertThat(receiver.delivered(supplierId, contractId).size() >= stored).isTrue());
        List<WebhookReceiver.Delivery> deliveries = receiver.delivered(supplierId, contractId);
        assertThat(deliveries).hasSize(stored).allSatisfy(delivery -> {
            assertThat(delivery.signedWith(secret)).as("signature of " + delivery.id()).isTrue();
            assertThat(delivery.id()).isEqualTo(delivery.body().at("/data/eventId").asText());
            assertThat(Instant.ofEpochSecond(delivery.timestamp())).isBetween(Instant.now().minusSeconds(300),
                    Instant.now().plusSeconds(5));
            assertThat(delivery.body().at("/data/actor").asText()).isEqualTo("buyer");
        });
        assertThat(sequences(deliveries, contractId)).containsExactlyElementsOf(
                LongStream.range(0, ledger.events(contractId).size()).boxed().toList());
        assertThat(sequences(deliveries, supplierId)).containsExactly(0L);
        WebhookReceiver.Delivery delivered = deliveries.stream()
                .filter(d -> d.body().get("type").asText().equals("ContractDelivered")).findFirst().orElseThrow();
        assertThat(delivered.body().at("/data/aggregateType").asText()).isEqualTo("Contract");
        assertThat(delivered.body().at("/data/payload/deliveryId").asText()).isEqualTo("dl-1");
        assertThat(delivered.body().at("/data/payload/daysLate").asInt()).isEqualTo(3);

        JsonNode log = json(ledger.get("admin", "/api/webhooks/" + webhook.get("webhookId").asText()
                + "/deliveries?status=SUCCEEDED&size=200"));
        assertThat(log).hasSize(stored);
        assertThat(log.get(0).at("/attempts/0/statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingAfterRetriesStillInOrder() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        WebhookReceiver receiver = receiver(request -> calls.incrementAndGet() <= 2 ? 503 : 200);
        JsonNode webhook = register(receiver, "[\"ContractDrafted\", \"ContractSigned\", \"ContractDelivered\"]");

        String supplierId = "sup-wh-2";
        String contractId = "ct-wh-2";
        deliverLateAndBreach(supplierId, contractId);

        eventually(WAIT, () -> assertThat(receiver.delivered(contractId).size() >= 3).isTrue());
        assertThat(receiver.delivered(contractId)).extracting(d -> d.body().get("type").asText())
                .containsExactly("ContractDrafted", "ContractSigned", "ContractDelivered");
        assertThat(receiver.delivered(supplierId)).isEmpty();
        assertThat(receiver.received.stream().filter(d -> d.status() == 503).map(WebhookReceiver.Delivery::id)
                .distinct())
                .as("the failed deliveries were of the first event, held back the rest").hasSize(1);
        JsonNode first = json(ledger.get("admin", "/api/webhooks/" + webhook.get("webhookId").asText()
                + "/deliveries?size=200")).get(2);
        assertThat(first.get("type").asText()).isEqualTo("ContractDrafted");
        assertThat(first.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(first.get("attempts")).extracting(attempt -> attempt.get("statusCode").asInt())
                .containsExactly(503, 503, 200);
        assertThat(json(ledger.get("admin", "/api/webhooks/" + webhook.get("webhookId").asText()))
                .get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aReceiverThatAlwaysFailsIsDeadLetteredDisabledAndCanBeSentAgainByHand() throws Exception {
        AtomicInteger answer = new AtomicInteger(500);
        WebhookReceiver receiver = receiver(request -> answer.get());
        JsonNode webhook = register(receiver, "[\"SupplierOnboarded\"]");
        String path = "/api/webhooks/" + webhook.get("webhookId").asText();

        write("/api/suppliers", supplier("sup-wh-3"));

        eventually(WAIT, () -> assertThat(!json(ledger.get("admin", path)).get("enabled").asBoolean()).isTrue());
        JsonNode endpoint = json(ledger.get("admin", path));
        assertThat(endpoint.get("disabledReason").asText()).startsWith("every delivery failed since");
        JsonNode dead = json(ledger.get("admin", path + "/deliveries?status=DEAD")).get(0);
        assertThat(dead.get("attempts")).hasSize(5).allSatisfy(attempt ->
                assertThat(attempt.get("statusCode").asInt()).isEqualTo(500));
        int attempts = receiver.received.size();

        answer.set(200);
        assertThat(ledger.post("admin", path + "/deliveries/" + dead.get("deliveryId").asText() + "/retry", "")
                .status()).isEqualTo(202);
        assertThat(ledger.post("admin", path + "/enable", "").status()).isEqualTo(200);
        eventually(WAIT, () -> assertThat(!receiver.delivered("sup-wh-3").isEmpty()).isTrue());
        assertThat(receiver.received).hasSize(attempts + 1);
        assertThat(ledger.post("admin", path + "/deliveries/" + dead.get("deliveryId").asText() + "/retry", "")
                .status()).as("a delivered event is not sent again").isEqualTo(409);
    }

    @Test
    void afterASecretRotationDeliveriesAreSignedWithBothSecrets() throws Exception {
        WebhookReceiver receiver = receiver(request -> 200);
        JsonNode webhook = register(receiver, "[\"SupplierOnboarded\"]");
        String path = "/api/webhooks/" + webhook.get("webhookId").asText();
        RunningLedger.Reply rotation = ledger.post("admin", path + "/secret-rotation", "");
        assertThat(rotation.status()).isEqualTo(200);
        String newSecret = json(rotation).get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(webhook.get("secret").asText());

        write("/api/suppliers", supplier("sup-wh-4"));

        eventually(WAIT, () -> assertThat(!receiver.delivered("sup-wh-4").isEmpty()).isTrue());
        WebhookReceiver.Delivery delivery = receiver.delivered("sup-wh-4").get(0);
        assertThat(delivery.signatures()).hasSize(2);
        assertThat(delivery.signedWith(newSecret)).isTrue();
        assertThat(delivery.signedWith(webhook.get("secret").asText())).isTrue();
    }

    /** A supplier's risk rising to HIGH is a notice to the webhooks that want it, not a stored event. */
    @Test
    void aSupplierWhoseRiskTurnsHighIsANoticeToTheWebhooks() throws Exception {
        WebhookReceiver receiver = receiver(request -> 200);
        JsonNode webhook = register(receiver, "[\"SupplierRiskLevelChanged\"]");
        String supplierId = "sup-wh-risky";
        write("/api/suppliers", supplier(supplierId));
        write("/api/suppliers/" + supplierId + "/credit-assessments", LOW_CREDIT.replace("\"BB\"", "\"C\""));
        write("/api/contracts", contract("ct-wh-risky", supplierId));
        write("/api/contracts/ct-wh-risky/signature", SIGNATURE);
        write("/api/contracts/ct-wh-risky/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
        write("/api/contracts/ct-wh-risky/breaches", LATE_DELIVERY_BREACH);
        write("/api/contracts/ct-wh-risky/breaches", """
                {"breachId": "br-2", "type": "QUALITY_NONCONFORMANCE", "responsibleParty": "SUPPLIER",
                 "description": "thread defects", "relatedDeliveryId": "dl-1", "occurredOn": "%s"}"""
                .formatted(DELIVERED_ON));
        write("/api/contracts/ct-wh-risky/breaches", """
                {"breachId": "br-3", "type": "OTHER", "responsibleParty": "SUPPLIER",
                 "description": "drawings withheld", "occurredOn": "%s"}""".formatted(day(-3)));
        write("/api/suppliers/" + supplierId + "/evaluations", """
                {"periodStart": "2026-07-01", "periodEnd": "2026-09-30", "onTimeDeliveryRate": 0.5,
                 "qualityPassRate": 0.9, "averageResponseHours": 30, "score": 40, "grade": "D", "remarks": "failing"}""");
        write("/api/contracts/ct-wh-risky/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""");

        eventually(WAIT, () -> assertThat(receiver.received).isNotEmpty());
        WebhookReceiver.Delivery notice = receiver.received.get(0);
        assertThat(notice.body().at("/data/supplierId").asText()).isEqualTo(supplierId);
        assertThat(notice.signedWith(webhook.get("secret").asText())).isTrue();
        assertThat(notice.body().get("type").asText()).isEqualTo("SupplierRiskLevelChanged");
        assertThat(notice.body().at("/data/to").asText()).isIn("HIGH", "CRITICAL");
        assertThat(ledger.events(supplierId)).extracting(event -> event.getPayloadType().getSimpleName())
                .doesNotContain("SupplierRiskLevelChanged");
    }

    @Test
    void badEndpointsAreRefusedWithAProblemAndNothingIsRegistered() throws Exception {
        int before = json(ledger.get("admin", "/api/webhooks")).size();
        Map<String, String> refused = Map.of(
                "{\"url\": \"http://10.1.2.3/hooks\", \"eventTypes\": [\"*\"]}", "internal address 10.1.2.3",
                "{\"url\": \"http://localhost:9/hooks\", \"eventTypes\": [\"*\"]}", "internal address",
                "{\"url\": \"http://169.254.169.254/latest/meta-data\", \"eventTypes\": [\"*\"]}", "internal address",
                "{\"url\": \"ftp://erp.example.com/hooks\", \"eventTypes\": [\"*\"]}", "http or https",
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"eventTypes\": [\"ContractSmiled\"]}", "unknown event types",
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"eventTypes\": []}", "at least one event type",
                "{\"eventTypes\": [\"*\"]}", "url is required");
        for (Map.Entry<String, String> request : refused.entrySet()) {
            RunningLedger.Reply reply = ledger.post("admin", "/api/webhooks", request.getKey());
            assertThat(reply.status()).as(request.getKey()).isEqualTo(400);
            assertThat(json(reply).get("detail").asText()).as(request.getKey()).contains(request.getValue());
        }
        assertThat(ledger.post("buyer", "/api/webhooks",
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"eventTypes\": [\"*\"]}").status()).isEqualTo(403);
        assertThat(ledger.get("auditor", "/api/webhooks").status()).isEqualTo(403);
        assertThat(json(ledger.get("admin", "/api/webhooks")).size()).isEqualTo(before);
        assertThat(ledger.get("admin", "/api/webhooks/wh-nope").status()).isEqualTo(404);
    }

    /** A supplier, and a contract of it signed (its delivery already overdue), delivered late and breached. */
    private static void deliverLateAndBreach(String supplierId, String contractId) {
        write("/api/suppliers", supplier(supplierId));
        write("/api/contracts", contract(contractId, supplierId));
        write("/api/contracts/" + contractId + "/signature", SIGNATURE);
        write("/api/contracts/" + contractId + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
        write("/api/contracts/" + contractId + "/breaches", LATE_DELIVERY_BREACH);
    }

    private static void write(String path, String body) {
        assertThat(ledger.post("buyer", path, body).status()).as(path).isIn(201, 202);
    }

    private static JsonNode register(WebhookReceiver receiver, String eventTypes) throws IOException {
        RunningLedger.Reply reply = ledger.post("admin", "/api/webhooks", """
                {"url": "%s", "eventTypes": %s, "description": "test receiver"}""".formatted(receiver.url(), eventTypes));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return json(reply);
    }

    private static JsonNode json(RunningLedger.Reply reply) throws IOException {
        return JSON.readTree(reply.body());
    }

    private static List<Long> sequences(List<WebhookReceiver.Delivery> deliveries, String aggregateId) {
        return deliveries.stream().filter(d -> d.body().at("/data/aggregateId").asText().equals(aggregateId))
                .map(d -> d.body().at("/data/sequence").asLong()).toList();
    }

    private WebhookReceiver receiver(IntUnaryOperator answer) throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(answer);
        receivers.add(receiver);
        return receiver;
    }
}
