package com.contractledger.app;

import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract's whole life over HTTP on the embedded stack, checking each answer and the events stored. One application
 * serves every test of the class.
 */
class ContractLifecycleIT extends ContractLifecycleFixture {

    @Test
    void a_contract_lives_from_onboarding_to_termination() throws Exception {
        expect(ledger.post("buyer", "/api/suppliers", supplier("sup-001")), 201, "sup-001", 0);
        expect(ledger.post("buyer", "/api/suppliers/sup-001/credit-assessments", LOW_CREDIT), 201, "sup-001", 1);
        expect(ledger.post("buyer", "/api/suppliers/sup-001/tier",
                "{\"tier\": \"KEY\", \"reason\": \"sole source of M8 fasteners\"}"), 202, "sup-001", 2);

        RunningLedger.Reply drafted = ledger.post("buyer", "/api/contracts", contract("ct-2026-001", "sup-001"));
        expect(drafted, 201, "ct-2026-001", 0);
        assertThat(drafted.header("Location")).isEqualTo("/api/contracts/ct-2026-001");
        assertThat(drafted.header("ETag")).isEqualTo("\"0\"");

        // signed 35 days ago with its delivery milestone due 20 days ago: signing also reports it overdue, backfilled
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/signature", SIGNATURE), 202, "ct-2026-001", 2);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/amendments", PRICE_AMENDMENT, Map.of("If-Match", "2")),
                201, "ct-2026-001", 3);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/deliveries", LATE_PARTLY_REJECTED_DELIVERY),
                201, "ct-2026-001", 4);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/breaches", LATE_DELIVERY_BREACH), 201, "ct-2026-001", 5);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}"""),
                201, "ct-2026-001", 6);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes/dp-1/escalations",
                "{\"to\": \"MEDIATION\", \"reason\": \"no agreement after 2 meetings\"}"), 201, "ct-2026-001", 7);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes/dp-1/notes",
                "{\"text\": \"inspection report\", \"evidenceRefs\": [\"doc://inspection/dl-1\"]}"), 201, "ct-2026-001", 8);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/disputes/dp-1/resolution", """
                {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                 "summary": "split the difference"}"""), 202, "ct-2026-001", 9);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/renewals", RENEWAL), 201, "ct-2026-001", 10);
        expect(ledger.post("buyer", "/api/contracts/ct-2026-001/termination", TERMINATION), 202, "ct-2026-001", 11);

        assertThat(ledger.eventTypes("sup-001")).containsExactly(
                "SupplierOnboardedEvent", "SupplierCreditAssessedEvent", "SupplierTierChangedEvent");
        List<DomainEventMessage<?>> events = ledger.events("ct-2026-001");
        assertThat(events.stream().map(e -> e.getPayloadType().getSimpleName())).containsExactly(
                "ContractDraftedEvent", "ContractSignedEvent", "ContractMilestoneOverdueEvent", "ContractAmendedEvent",
                "ContractDeliveredEvent", "ContractBreachedEvent", "DisputeOpenedEvent", "DisputeEscalatedEvent",
                "DisputeNoteAddedEvent", "DisputeResolvedEvent", "ContractRenewedEvent", "ContractTerminatedEvent");

        ContractMilestoneOverdueEvent overdue = (ContractMilestoneOverdueEvent) events.get(2).getPayload();
        assertThat(overdue.milestoneId()).isEqualTo("d1");
        assertThat(overdue.dueOn()).isEqualTo(LocalDate.parse(DELIVERY_DUE_ON));
        assertThat(overdue.backfilled()).isTrue();
        ContractAmendedEvent amended = (ContractAmendedEvent) events.get(3).getPayload();
        assertThat(amended.changes()).contains(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90"));
        ContractDeliveredEvent delivered = (ContractDeliveredEvent) events.get(4).getPayload();
        assertThat(delivered.late()).isTrue();
        assertThat(delivered.daysLate()).isEqualTo(3);
        ContractBreachedEvent breached = (ContractBreachedEvent) events.get(5).getPayload();
        assertThat(breached.penalty()).isEqualTo(Money.of("81.00", "CNY"));

        for (DomainEventMessage<?> event : events) {
            assertThat(event.getMetaData().get("actor")).as(event.getPayloadType().getSimpleName()).isEqualTo("buyer");
            assertThat(event.getMetaData().get("correlationId")).isNotNull();
            assertThat(event.getMetaData().get("causationId")).isNotNull();
        }
        assertThat(events.get(3).getMetaData().get("reason")).isEqualTo("PRICE_ADJUSTMENT: steel price +6%");
        assertThat(events.get(11).getMetaData().get("reason")).isEqualTo("supplier exits the market");
    }

    @Test
    void every_view_follows_the_contract_step_by_step() throws Exception {
        String ct = "/api/contracts/ct-v1";
        ledger.post("buyer", "/api/suppliers", supplier("sup-v1"));
        ledger.post("buyer", "/api/suppliers/sup-v1/credit-assessments", LOW_CREDIT);
        ledger.post("buyer", "/api/suppliers/sup-v1/tier", "{\"tier\": \"KEY\", \"reason\": \"sole source\"}");
        ledger.post("buyer", "/api/suppliers/sup-v1/classification", """
                {"categories": ["m8-bolts"], "region": "East China", "scale": "MEDIUM", "tags": ["automotive"]}""");
        eventually(() -> {
            JsonNode profile = read("dashboard", "/api/suppliers/sup-v1");
            assertThat(profile.get("tier").asText()).isEqualTo("KEY");
            assertThat(profile.at("/credit/rating").asText()).isEqualTo("BB");
            assertThat(profile.get("categories").toString()).isEqualTo("[\"m8-bolts\"]");
            JsonNode scorecard = read("dashboard", "/api/suppliers/sup-v1/scorecard");
            assertThat(scorecard.get("creditRating").asText()).isEqualTo("BB");
            assertThat(scorecard.get("tier").asText()).isEqualTo("KEY");
            assertThat(scorecard.get("deliveries").asInt()).isZero();
        });

        ledger.post("buyer", "/api/contracts", contract("ct-v1", "sup-v1"));
        JsonNode summary = summary(ct, 0);
        assertThat(summary.get("status").asText()).isEqualTo("DRAFT");
        assertThat(summary.at("/ordered/amount").asText()).isEqualTo("8500.00");
        assertThat(history(ct, 0)).extracting(e -> e.get("type").asText()).containsExactly("ContractDrafted");
        // d1 was due 20 days ago: unmet, so overdue by the calendar even before signing
        eventually(() -> assertThat(milestonesOf("ct-v1", null))
                .containsExactlyInAnyOrder("d1:OVERDUE", "p1:UPCOMING"));

        ledger.post("buyer", ct + "/signature", SIGNATURE);
        summary = summary(ct, SIGNED_VERSION);
        assertThat(summary.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(summary.get("signedOn").asText()).isEqualTo(SIGNED_ON);
        assertThat(history(ct, SIGNED_VERSION)).extracting(e -> e.get("type").asText())
                .containsExactly("ContractDrafted", "ContractSigned", "ContractMilestoneOverdue");
        eventually(() -> assertThat(spendRow("supplier", "sup-v1").at("/ordered/amount").asText())
                .isEqualTo("8500.00"));

        ledger.post("buyer", ct + "/amendments", PRICE_AMENDMENT, Map.of("If-Match", "2"));
        summary = summary(ct, 3);
        assertThat(summary.at("/ordered/amount").asText()).isEqualTo("9000.00");
        JsonNode amendment = history(ct, 3).get(3);
        assertThat(amendment.get("type").asText()).isEqualTo("ContractAmended");
        assertThat(amendment.get("reason").asText()).isEqualTo("PRICE_ADJUSTMENT: steel price +6%");
        assertThat(amendment.get("changes").get(0).get("path").asText()).isEqualTo("lineItems[M8-30].unitPrice");
        assertThat(amendment.get("changes").get(0).get("after").asText()).isEqualTo("0.90");

        ledger.post("buyer", ct + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
        summary = summary(ct, 4);
        assertThat(summary.at("/delivered/amount").asText()).isEqualTo("5400.00");
        assertThat(summary.at("/accepted/amount").asText()).isEqualTo("5220.00");
        assertThat(summary.at("/paid/amount").asText()).isEqualTo("0.00");
        eventually(() -> {
            JsonNode scorecard = read("dashboard", "/api/suppliers/sup-v1/scorecard");
            assertThat(scorecard.get("deliveries").asInt()).isEqualTo(1);
            assertThat(scorecard.get("lateDeliveries").asInt()).isEqualTo(1);
            assertThat(scorecard.get("onTimeDeliveryRate").decimalValue()).isEqualByComparingTo("0");
            assertThat(scorecard.get("qualityPassRate").decimalValue()).isEqualByComparingTo("0.9667");
            assertThat(spendRow("supplier", "sup-v1").at("/delivered/amount").asText()).isEqualTo("5400.00");
        });
        eventually(() -> assertThat(read("dashboard", "/api/suppliers/sup-v1/deliveries").get("deliveries"))
                .hasSize(1));
        JsonNode deliveries = read("dashboard", "/api/suppliers/sup-v1/deliveries");
        assertThat(deliveries.get("nextAfter").isNull()).isTrue();
        JsonNode delivery = deliveries.get("deliveries").get(0);
        assertThat(delivery.get("contractId").asText()).isEqualTo("ct-v1");
        assertThat(delivery.get("deliveryId").asText()).isEqualTo("dl-1");
        assertThat(delivery.get("milestoneId").asText()).isEqualTo("d1");
        assertThat(delivery.get("dueOn").asText()).isEqualTo(DELIVERY_DUE_ON);
        assertThat(delivery.get("deliveredOn").asText()).isEqualTo(DELIVERED_ON);
        assertThat(delivery.get("daysLate").asInt()).isEqualTo(3);
        assertThat(delivery.get("onTime").asBoolean()).isFalse();
        assertThat(delivery.get("rejectedQuantity").decimalValue()).isEqualByComparingTo("200");
        assertThat(delivery.get("qualityRate").decimalValue()).isEqualByComparingTo("0.9667");
        assertThat(delivery.get("sequence").asLong()).isEqualTo(4);
        assertThat(read("auditor", "/api/suppliers/sup-v1/deliveries?after="
                + delivery.get("position").asLong() + "&size=1").get("deliveries")).isEmpty();

        ledger.post("buyer", ct + "/breaches", LATE_DELIVERY_BREACH);
        summary = summary(ct, 5);
        assertThat(summary.get("breaches").asInt()).isEqualTo(1);
        assertThat(summary.at("/totalPenalties/amount").asText()).isEqualTo("81.00");
        assertThat(summary.at("/totalPenalties/currency").asText()).isEqualTo("CNY");
        assertThat(history(ct, 5).get(5).get("summary").asText()).contains("penalty 81.00 CNY");

        ledger.post("buyer", ct + "/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""");
        assertThat(summary(ct, 6).get("openDisputes").asInt()).isEqualTo(1);
        eventually(() -> {
            JsonNode dispute = read("dashboard", ct + "/disputes").get(0);
            assertThat(dispute.get("stage").asText()).isEqualTo("NEGOTIATION");
            assertThat(dispute.get("track").asText()).isEqualTo("NEGOTIATION");
            assertThat(dispute.get("status").asText()).isEqualTo("OPEN");
            assertThat(dispute.at("/claim/amount").asText()).isEqualTo("76.50");
        });

        ledger.post("buyer", ct + "/disputes/dp-1/escalations",
                "{\"to\": \"MEDIATION\", \"reason\": \"no agreement after 2 meetings\"}");
        summary(ct, 7);
        eventually(() -> assertThat(read("dashboard", ct + "/disputes").get(0).get("stage").asText())
                .isEqualTo("MEDIATION"));

        ledger.post("buyer", ct + "/disputes/dp-1/notes",
                "{\"text\": \"inspection report\", \"evidenceRefs\": [\"doc://inspection/dl-1\"]}");
        summary(ct, 8);
        eventually(() -> {
            JsonNode entries = read("dashboard", ct + "/disputes").get(0).get("entries");
            assertThat(entries).extracting(e -> e.get("kind").asText()).containsExactly("OPENED", "ESCALATED", "NOTE");
            assertThat(entries.get(2).get("evidenceRefs").get(0).asText()).isEqualTo("doc://inspection/dl-1");
            assertThat(entries.get(2).get("actor").asText()).isEqualTo("buyer");
        });

        ledger.post("buyer", ct + "/disputes/dp-1/resolution", """
                {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                 "summary": "split the difference"}""");
        assertThat(summary(ct, 9).get("openDisputes").asInt()).isZero();
        eventually(() -> {
            JsonNode dispute = read("dashboard", ct + "/disputes").get(0);
            assertThat(dispute.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(dispute.get("outcome").asText()).isEqualTo("SETTLED");
            assertThat(dispute.at("/settlement/amount").asText()).isEqualTo("40.00");
            JsonNode scorecard = read("dashboard", "/api/suppliers/sup-v1/scorecard");
            assertThat(scorecard.get("disputesOpen").asInt()).isZero();
            assertThat(scorecard.get("disputesTotal").asInt()).isEqualTo(1);
            assertThat(scorecard.get("breaches").asInt()).isEqualTo(1);
            assertThat(scorecard.at("/breachesByType/LATE_DELIVERY").asInt()).isEqualTo(1);
        });
        assertThat(read("compliance", "/api/disputes?status=RESOLVED").get("items"))
                .extracting(d -> d.get("disputeId").asText() + "@" + d.get("contractId").asText())
                .contains("dp-1@ct-v1");

        ledger.post("buyer", ct + "/renewals", RENEWAL);
        summary = summary(ct, 10);
        assertThat(summary.get("expiresOn").asText()).isEqualTo(RENEWED_EXPIRES_ON);
        assertThat(summary.at("/ordered/amount").asText()).isEqualTo("13500.00");
        eventually(() -> {
            JsonNode bySupplier = spendRow("supplier", "sup-v1");
            assertThat(bySupplier.at("/ordered/amount").asText()).isEqualTo("13500.00");
            assertThat(bySupplier.at("/delivered/amount").asText()).isEqualTo("5400.00");
            assertThat(bySupplier.at("/paid/amount").asText()).isEqualTo("0.00");
            assertThat(spendRow("category", "m8-bolts").at("/ordered/amount").asText()).isEqualTo("13500.00");
        });

        ledger.post("buyer", ct + "/termination", TERMINATION);
        assertThat(summary(ct, 11).get("status").asText()).isEqualTo("TERMINATED");
        eventually(() -> assertThat(milestonesOf("ct-v1", null)).containsExactlyInAnyOrder("d1:CLOSED", "p1:CLOSED"));
        eventually(() -> assertThat(milestonesOf("ct-v1", "CLOSED")).hasSize(2));
        assertThat(milestonesOf("ct-v1", "UPCOMING")).isEmpty();
        assertThat(milestonesOf("ct-v1", "OVERDUE")).isEmpty();

        List<String> stored = ledger.events("ct-v1").stream().map(DomainEventMessage::getIdentifier).toList();
        assertThat(history(ct, 11)).extracting(e -> e.get("eventId").asText()).containsExactlyElementsOf(stored);
        assertThat(read("auditor", ct + "/history").get("version").asLong()).isEqualTo(11);
        assertThat(read("dashboard", "/api/analytics/spend?groupBy=month").get("rows"))
                .extracting(row -> row.get("key").asText())
                .contains(SIGNED_ON.substring(0, 7), DELIVERED_ON.substring(0, 7));
    }

    @Test
    void unknown_ids_are_404_and_bad_query_parameters_400_as_problems() throws Exception {
        for (String path : List.of("/api/contracts/ct-none", "/api/contracts/ct-none/history",
                "/api/contracts/ct-none/disputes", "/api/suppliers/sup-none", "/api/suppliers/sup-none/scorecard",
                "/api/suppliers/sup-none/deliveries")) {
            expectProblem(ledger.get("buyer", path), 404, path);
        }
        for (String path : List.of("/api/contracts?size=201", "/api/contracts?page=-1",
                "/api/analytics/spend?groupBy=weekday", "/api/contracts?status=SIGNED_MAYBE",
                "/api/milestones?status=LATE", "/api/milestones?dueBefore=tomorrow", "/api/disputes?status=CLOSED",
                "/api/suppliers?size=0", "/api/suppliers/sup-none/deliveries?size=0",
                "/api/suppliers/sup-none/deliveries?after=-1", "/api/suppliers/sup-none/deliveries?size=501")) {
            expectProblem(ledger.get("buyer", path), 400, path);
        }
    }

    @Test
    void of_two_instalments_due_the_same_day_the_contract_and_both_views_agree_which_a_payment_covers() throws Exception {
        ledger.post("buyer", "/api/suppliers", supplier("sup-same-day"));
        String terms = contract("ct-same-day", "sup-same-day").replace(
                "[{\"milestoneId\": \"p1\", \"dueOn\": \"%s\", \"amount\": \"8500.00\"}]".formatted(PAYMENT_DUE_ON),
                ("[{\"milestoneId\": \"p1b\", \"dueOn\": \"%s\", \"amount\": \"4000.00\"},"
                        + " {\"milestoneId\": \"p1a\", \"dueOn\": \"%1$s\", \"amount\": \"4500.00\"}]")
                        .formatted(PAYMENT_DUE_ON));
        assertThat(terms).contains("p1b");
        assertThat(ledger.post("buyer", "/api/contracts", terms).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts/ct-same-day/signature", SIGNATURE).status()).isEqualTo(202);
        assertThat(ledger.post("buyer", "/api/contracts/ct-same-day/payments", """
                {"paymentId": "pay-1", "amount": {"amount": "4500.00", "currency": "CNY"},
                 "paidOn": "%s"}""".formatted(PAID_ON)).status()).isEqualTo(201);

        // drafted, signed, d1 overdue (backfilled), paid
        ContractPaymentRecordedEvent payment = (ContractPaymentRecordedEvent) ledger.events("ct-same-day").get(3).getPayload();
        assertThat(payment.coveredInstalments()).containsExactly("p1a");
        assertThat(summary("/api/contracts/ct-same-day", 3).get("milestones"))
                .filteredOn(m -> m.get("kind").asText().equals("PAYMENT"))
                .extracting(m -> m.get("milestoneId").asText() + ":" + m.get("met").asBoolean())
                .containsExactlyInAnyOrder("p1a:true", "p1b:false");
        eventually(() -> assertThat(milestonesOf("ct-same-day", null))
                .containsExactlyInAnyOrder("d1:OVERDUE", "p1a:MET", "p1b:UPCOMING"));
    }

    /**
     * Issue 17, as a new user tried it: a contract effective next month signed five years ahead, a delivery dated
     * years before its effective date, a termination effective even earlier. Each is refused by its rule with a 409
     * problem, and nothing is stored.
     */
    @Test
    void facts_from_the_future_or_before_what_they_depend_on_are_refused_and_nothing_is_stored() throws Exception {
        String ct = "/api/contracts/ct-dates";
        ledger.post("buyer", "/api/suppliers", supplier("sup-dates"));
        String futureContract = contract("ct-dates", "sup-dates", day(60), day(90))
                .replace("\"effectiveFrom\": \"" + EFFECTIVE_FROM + "\"", "\"effectiveFrom\": \"" + day(31) + "\"");
        expect(ledger.post("buyer", "/api/contracts", futureContract), 201, "ct-dates", 0);

        refusedByRule(ledger.post("buyer", ct + "/signature",
                "{\"signatories\": [\"Wang Li\"], \"signedOn\": \"%s\"}".formatted(day(5 * 365))),
                "FACT_FROM_FUTURE",
                "no fact from the future: the signing date " + day(5 * 365) + " is after today, " + TODAY);
        assertThat(ledger.eventTypes("ct-dates")).containsExactly("ContractDraftedEvent");

        expect(ledger.post("buyer", ct + "/signature",
                "{\"signatories\": [\"Wang Li\"], \"signedOn\": \"%s\"}".formatted(day(0))), 202, "ct-dates", 1);
        refusedByRule(ledger.post("buyer", ct + "/deliveries", """
                {"deliveryId": "dl-1", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 100, "accepted": 100, "rejected": 0}]}""".formatted(day(-8 * 365))),
                "FACT_BEFORE_DEPENDENCY",
                "no fact before what it depends on: the delivery date " + day(-8 * 365) + " is before the signing date "
                        + day(0));
        refusedByRule(ledger.post("buyer", ct + "/termination",
                "{\"reason\": \"supplier exit\", \"effectiveOn\": \"%s\"}".formatted(day(-12 * 365))),
                "FACT_BEFORE_DEPENDENCY",
                "no fact before what it depends on: the termination's effective date " + day(-12 * 365)
                        + " is before the contract's effective date " + day(31));

        assertThat(ledger.eventTypes("ct-dates")).containsExactly("ContractDraftedEvent", "ContractSignedEvent");
        JsonNode summary = summary(ct, 1);
        assertThat(summary.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(summary.at("/delivered/amount").asText()).isEqualTo("0.00");
    }

    @Test
    void the_correlation_id_of_the_caller_is_kept_on_the_events_and_echoed() {
        ledger.post("buyer", "/api/suppliers", supplier("sup-corr"), Map.of("X-Correlation-Id", "req-4711"));
        RunningLedger.Reply reply = ledger.post("buyer", "/api/suppliers/sup-corr/tier",
                "{\"tier\": \"KEY\", \"reason\": \"strategic\"}", Map.of("X-Correlation-Id", "req-4712"));

        assertThat(reply.header("X-Correlation-Id")).isEqualTo("req-4712");
        List<DomainEventMessage<?>> events = ledger.events("sup-corr");
        assertThat(events.get(0).getMetaData().get("correlationId")).isEqualTo("req-4711");
        assertThat(events.get(1).getMetaData().get("correlationId")).isEqualTo("req-4712");
        assertThat(events.get(1).getMetaData().get("reason")).isEqualTo("strategic");
    }

    @Test
    void milestones_already_past_due_when_a_contract_is_recorded_are_reported_overdue_at_once_as_backfilled()
            throws Exception {
        ledger.post("buyer", "/api/suppliers", supplier("sup-late"));
        assertThat(ledger.post("buyer", "/api/contracts",
                contract("ct-late", "sup-late", day(-25), day(-22))).status()).isEqualTo(201);
        RunningLedger.Reply signed = ledger.post("buyer", "/api/contracts/ct-late/signature", SIGNATURE);
        expect(signed, 202, "ct-late", 3);

        List<DomainEventMessage<?>> overdue = RestartIT.awaitOverdue(ledger, "ct-late", 2);
        assertThat(overdue).extracting(e -> ((ContractMilestoneOverdueEvent) e.getPayload()).milestoneId())
                .containsExactlyInAnyOrder("d1", "p1");
        assertThat(overdue).extracting(e -> ((ContractMilestoneOverdueEvent) e.getPayload()).backfilled())
                .containsOnly(true);
        // raised by the signing, in its unit of work: the signer's
        assertThat(overdue).extracting(e -> e.getMetaData().get("actor")).containsOnly("buyer");
    }
}
