package com.contractledger.app;

import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A contract's whole life over HTTP on the embedded stack, checking each answer and the events stored. */
class ContractLifecycleIT {

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void a_contract_lives_from_onboarding_to_termination() throws Exception {
        expect(ledger.post("buyer", "/api/suppliers", supplier("sup-001")), 201, "sup-001", 0);
        expect(ledger.post("buyer", "/api/suppliers/sup-001/credit-assessments", LOW_CREDIT), 201, "sup-001", 1);
        expect(ledger.post("buyer", "/api/suppliers/sup-001/tier",
                "{\"tier\": \"KEY\", \"reason\": \"sole source of M8 fasteners\"}"), 202, "sup-001", 2);

        LedgerProcess.Reply drafted = ledger.post("buyer", "/api/contracts", contract("ct-2026-001", "sup-001"));
        expect(drafted, 201, "ct-2026-001", 0);
        assertThat(drafted.header("Location")).isEqualTo("/api/contracts/ct-2026-001");
        assertThat(drafted.header("ETag")).isEqualTo("\"0\"");

        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/signature", SIGNATURE), 202, "ct-2026-001", 1);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/amendments", PRICE_AMENDMENT, Map.of("If-Match", "1")),
                201, "ct-2026-001", 2);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/deliveries", LATE_PARTLY_REJECTED_DELIVERY),
                201, "ct-2026-001", 3);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/breaches", LATE_DELIVERY_BREACH), 201, "ct-2026-001", 4);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}"""),
                201, "ct-2026-001", 5);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes/dp-1/escalations",
                "{\"to\": \"MEDIATION\", \"reason\": \"no agreement after 2 meetings\"}"), 201, "ct-2026-001", 6);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes/dp-1/notes",
                "{\"text\": \"inspection report\", \"evidenceRefs\": [\"doc://inspection/dl-1\"]}"), 201, "ct-2026-001", 7);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes/dp-1/resolution", """
                {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                 "summary": "split the difference"}"""), 202, "ct-2026-001", 8);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/renewals",
                "{\"newExpiresOn\": \"2028-11-30\", \"changes\": {\"lineItems\": [{\"sku\": \"M8-30\", \"quantity\": 15000}]}}"),
                201, "ct-2026-001", 9);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/termination",
                "{\"reason\": \"supplier exits the market\", \"effectiveOn\": \"2027-03-01\"}"), 202, "ct-2026-001", 10);

        assertThat(ledger.eventTypes("sup-001")).containsExactly(
                "SupplierOnboardedEvent", "SupplierCreditAssessedEvent", "SupplierTierChangedEvent");
        List<DomainEventMessage<?>> events = ledger.events("ct-2026-001");
        assertThat(events.stream().map(e -> e.getPayloadType().getSimpleName())).containsExactly(
                "ContractDraftedEvent", "ContractSignedEvent", "ContractAmendedEvent", "ContractDeliveredEvent",
                "ContractBreachedEvent", "DisputeOpenedEvent", "DisputeEscalatedEvent", "DisputeNoteAddedEvent",
                "DisputeResolvedEvent", "ContractRenewedEvent", "ContractTerminatedEvent");

        ContractAmendedEvent amended = (ContractAmendedEvent) events.get(2).getPayload();
        assertThat(amended.changes()).contains(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90"));
        ContractDeliveredEvent delivered = (ContractDeliveredEvent) events.get(3).getPayload();
        assertThat(delivered.late()).isTrue();
        assertThat(delivered.daysLate()).isEqualTo(3);
        ContractBreachedEvent breached = (ContractBreachedEvent) events.get(4).getPayload();
        assertThat(breached.penalty()).isEqualTo(Money.of("81.00", "CNY"));

        for (DomainEventMessage<?> event : events) {
            assertThat(event.getMetaData().get("actor")).as(event.getPayloadType().getSimpleName()).isEqualTo("buyer");
            assertThat(event.getMetaData().get("correlationId")).isNotNull();
            assertThat(event.getMetaData().get("causationId")).isNotNull();
        }
        assertThat(events.get(2).getMetaData().get("reason")).isEqualTo("PRICE_ADJUSTMENT: steel price +6%");
        assertThat(events.get(10).getMetaData().get("reason")).isEqualTo("supplier exits the market");
    }

    @Test
    void the_correlation_id_of_the_caller_is_kept_on_the_events_and_echoed() {
        ledger.post("buyer", "/api/suppliers", supplier("sup-corr"), Map.of("X-Correlation-Id", "req-4711"));
        LedgerProcess.Reply reply = ledger.post("buyer", "/api/suppliers/sup-corr/tier",
                "{\"tier\": \"KEY\", \"reason\": \"strategic\"}", Map.of("X-Correlation-Id", "req-4712"));

        assertThat(reply.header("X-Correlation-Id")).isEqualTo("req-4712");
        List<DomainEventMessage<?>> events = ledger.events("sup-corr");
        assertThat(events.get(0).getMetaData().get("correlationId")).isEqualTo("req-4711");
        assertThat(events.get(1).getMetaData().get("correlationId")).isEqualTo("req-4712");
        assertThat(events.get(1).getMetaData().get("reason")).isEqualTo("strategic");
    }

    @Test
    void a_milestone_left_unmet_past_its_due_date_becomes_overdue_by_itself() throws Exception {
        ledger.post("buyer", "/api/suppliers", supplier("sup-late"));
        assertThat(ledger.post("buyer", "/api/contracts",
                contract("ct-late", "sup-late", "2026-11-01", "2026-11-10")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts/ct-late/signature", SIGNATURE).status()).isEqualTo(202);

        List<DomainEventMessage<?>> overdue = RestartIT.awaitOverdue(ledger, "ct-late", 2);
        assertThat(overdue).extracting(e -> ((ContractMilestoneOverdueEvent) e.getPayload()).milestoneId())
                .containsExactlyInAnyOrder("d1", "p1");
        assertThat(overdue).extracting(e -> e.getMetaData().get("actor")).containsOnly("system");
    }

    private void expect(LedgerProcess.Reply reply, int status, String id, long version) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode body = json.readTree(reply.body());
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("version").asLong()).isEqualTo(version);
    }
}
