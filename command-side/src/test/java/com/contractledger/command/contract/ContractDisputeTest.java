package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AddDisputeNoteCommand;
import com.contractledger.api.contract.DisputeCategory;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.EscalateDisputeCommand;
import com.contractledger.api.contract.ResolveDisputeCommand;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.UnknownReferenceException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static com.contractledger.command.contract.ContractRule.DISPUTE_ESCALATES_FORWARD_ONLY;
import static com.contractledger.command.contract.ContractRule.DISPUTE_RESOLVED;
import static com.contractledger.command.contract.ContractRule.MONEY_IN_CONTRACT_CURRENCY;
import static com.contractledger.command.contract.ContractRule.REFERENCE_NOT_IN_CONTRACT;
import static com.contractledger.command.contract.ContractRule.SETTLEMENT_FITS_OUTCOME;
import static org.hamcrest.Matchers.containsString;

/** Disputes: opened over a breach or claim, escalated forward, annotated, resolved once. */
@Tag(Refusals.TAG)
class ContractDisputeTest extends ContractFixture {

    @Test
    void a_dispute_with_a_key_supplier_recommends_negotiation() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                .when(openDispute("dp-1", "br-1", Money.of("76.50", "CNY")))
                .expectEvents(new DisputeOpenedEvent(CONTRACT, "dp-1", "br-1", DisputeCategory.COMPLETION_DATE,
                        Money.of("76.50", "CNY"), "penalty contested", SupplierTier.KEY, DisputeStage.NEGOTIATION,
                        DisputeStage.NEGOTIATION));
    }

    @Test
    void a_dispute_with_a_general_supplier_recommends_arbitration() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.A, SupplierTier.GENERAL));
        fixture.given(drafted(designTerms()), signed())
                .when(openDispute("dp-1", null, Money.of("10.00", "CNY")))
                .expectEvents(new DisputeOpenedEvent(CONTRACT, "dp-1", null, DisputeCategory.COMPLETION_DATE,
                        Money.of("10.00", "CNY"), "penalty contested", SupplierTier.GENERAL, DisputeStage.ARBITRATION,
                        DisputeStage.NEGOTIATION));
    }

    @Test
    void a_supplier_missing_from_the_directory_counts_as_general() {
        standings.clear();
        fixture.given(drafted(designTerms()))
                .when(openDispute("dp-1", null, null))
                .expectEventsMatching(singlePayload(event -> ((DisputeOpenedEvent) event).supplierTier() == SupplierTier.GENERAL
                        && ((DisputeOpenedEvent) event).recommendedTrack() == DisputeStage.ARBITRATION));
    }

    @Test
    void a_dispute_naming_an_unknown_breach_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(openDispute("dp-1", "br-9", null)), REFERENCE_NOT_IN_CONTRACT,
                "breach br-9 does not exist");
    }

    @Test
    void a_claim_in_another_currency_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(openDispute("dp-1", null, Money.of("10.00", "EUR"))), MONEY_IN_CONTRACT_CURRENCY,
                "claim amount is in EUR but the contract is in CNY");
    }

    @Test
    void a_dispute_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1")).when(openDispute("dp-1", null, null)), CommonRule.ID_ALREADY_RECORDED,
                "dispute dp-1 is already recorded");
    }

    @Test
    void a_dispute_may_skip_stages_when_escalating() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.ARBITRATION, "no agreement", null))
                .expectEvents(new DisputeEscalatedEvent(CONTRACT, "dp-1", DisputeStage.NEGOTIATION, DisputeStage.ARBITRATION,
                        "no agreement"));
    }

    @Test
    void a_dispute_never_escalates_backwards() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), escalated("dp-1", DisputeStage.NEGOTIATION, DisputeStage.MEDIATION))
                        .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.NEGOTIATION, "back", null)), DISPUTE_ESCALATES_FORWARD_ONLY,
                "dispute dp-1 is at MEDIATION and can only escalate forward, not to NEGOTIATION");
    }

    @Test
    void escalating_to_the_current_stage_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.NEGOTIATION, "again", null)), DISPUTE_ESCALATES_FORWARD_ONLY,
                "is at NEGOTIATION and can only escalate forward");
    }

    @Test
    void escalating_an_unknown_dispute_is_an_unknown_reference() {
        fixture.given(drafted(designTerms()), signed())
                .when(new EscalateDisputeCommand(CONTRACT, "dp-9", DisputeStage.MEDIATION, "x", null))
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage(containsString("dispute dp-9 does not exist"))
                .expectNoEvents();
    }

    @Test
    void escalating_a_resolved_dispute_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), resolved("dp-1"))
                        .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.MEDIATION, "x", null)), DISPUTE_RESOLVED,
                "dispute dp-1 is already resolved");
    }

    @Test
    void a_note_with_evidence_is_added() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                .when(new AddDisputeNoteCommand(CONTRACT, "dp-1", "inspection report attached", List.of("doc://inspection/dl-1"), null))
                .expectEvents(new DisputeNoteAddedEvent(CONTRACT, "dp-1", "inspection report attached", List.of("doc://inspection/dl-1")));
    }

    @Test
    void a_note_on_an_unknown_dispute_is_an_unknown_reference() {
        fixture.given(drafted(designTerms()), signed())
                .when(new AddDisputeNoteCommand(CONTRACT, "dp-9", "text", List.of(), null))
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage(containsString("dispute dp-9 does not exist"))
                .expectNoEvents();
    }

    @Test
    void a_note_on_a_resolved_dispute_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), resolved("dp-1"))
                        .when(new AddDisputeNoteCommand(CONTRACT, "dp-1", "late news", List.of(), null)), DISPUTE_RESOLVED,
                "dispute dp-1 is already resolved");
    }

    @Test
    void a_settlement_resolves_the_dispute_at_its_stage() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), escalated("dp-1", DisputeStage.NEGOTIATION, DisputeStage.MEDIATION))
                .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.SETTLED, Money.of("40.00", "CNY"), "split", null))
                .expectEvents(new DisputeResolvedEvent(CONTRACT, "dp-1", DisputeOutcome.SETTLED, Money.of("40.00", "CNY"), "split",
                        DisputeStage.MEDIATION));
    }

    @Test
    void a_dispute_is_resolved_at_most_once() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), resolved("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.DISMISSED, null, "again", null)), DISPUTE_RESOLVED,
                "dispute dp-1 is already resolved");
    }

    @Test
    void a_settled_dispute_needs_a_settlement_amount() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.SETTLED, null, "split", null)), SETTLEMENT_FITS_OUTCOME,
                "a SETTLED dispute needs a settlement amount");
    }

    @Test
    void an_award_in_another_currency_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.AWARDED, Money.of("40.00", "USD"), "x", null)), MONEY_IN_CONTRACT_CURRENCY,
                "settlement amount is in USD but the contract is in CNY");
    }

    @Test
    void a_withdrawn_dispute_with_a_settlement_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.WITHDRAWN, Money.of("5.00", "CNY"), "x", null)), SETTLEMENT_FITS_OUTCOME,
                "a WITHDRAWN dispute has no settlement amount (given 5.00 CNY)");
    }

    @Test
    void a_dismissed_dispute_may_state_a_zero_settlement() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.DISMISSED, Money.of("0.00", "CNY"), "no case", null))
                .expectEvents(new DisputeResolvedEvent(CONTRACT, "dp-1", DisputeOutcome.DISMISSED, Money.of("0.00", "CNY"), "no case",
                        DisputeStage.NEGOTIATION));
    }

    @Test
    void no_dispute_is_opened_on_a_terminated_contract() {
        refused(fixture.given(drafted(designTerms()), signed(), terminated())
                        .when(openDispute("dp-1", null, null)), CONTRACT_CLOSED,
                "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }

    @ParameterizedTest
    @MethodSource("commandsOnAnOpenDispute")
    void the_disputes_of_a_terminated_contract_accept_no_further_commands(Object command) {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), terminated()).when(command),
                CONTRACT_CLOSED, "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }

    static Stream<Object> commandsOnAnOpenDispute() {
        return Stream.of(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.MEDIATION, "no agreement", null),
                new AddDisputeNoteCommand(CONTRACT, "dp-1", "note", List.of(), null),
                new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.WITHDRAWN, null, "dropped", null));
    }
}
