package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.AmendContractCommand;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.LineItemChange;
import com.contractledger.api.contract.MilestoneChange;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.contractledger.command.contract.ContractRule.AMENDMENT_CHANGES_NOTHING;
import static com.contractledger.command.contract.ContractRule.CHANGE_REPEATED;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_GUARANTEE;
import static com.contractledger.command.contract.ContractRule.MILESTONES_EXCEED_LINE;
import static com.contractledger.command.contract.ContractRule.NEW_ENTRY_INCOMPLETE;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_ACCEPTED;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_PAID;

/** Amendments: revised terms follow the drafting rules, keep what was accepted and paid, and move deadlines. */
@Tag(Refusals.TAG)
class ContractAmendmentTest extends ContractFixture {

    @Test
    void an_amendment_that_changes_nothing_is_refused() {
        ContractChanges samePrice = lineChange(new LineItemChange("M8-30", null, null, null, dec("0.850")));
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(samePrice)), AMENDMENT_CHANGES_NOTHING,
                "amendment changes nothing");
    }

    @Test
    void an_amendment_changing_a_line_twice_is_refused() {
        ContractChanges twice = new ContractChanges(null, List.of(new LineItemChange("M8-30", null, null, null, dec("0.90")),
                new LineItemChange("M8-30", null, dec("12000"), null, null)), null, null, null, null, null, null, null);
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(twice)), CHANGE_REPEATED,
                "line item M8-30 is changed more than once");
    }

    @Test
    void an_amendment_bringing_the_value_below_what_was_paid_is_refused() {
        ContractTerms unscheduled = withSchedule(designTerms());
        ContractChanges cheaper = lineChange(new LineItemChange("M8-30", null, null, null, dec("0.50")));
        refused(fixture.given(drafted(unscheduled), signed(), paid("pay-1", "8000.00", "8000.00")).when(amend(cheaper)),
                REVISION_BELOW_PAID, "the contract value would drop to 5000.00 CNY, below the 8000.00 CNY already paid");
    }

    @Test
    void amendments_are_numbered_in_order() {
        ContractChanges title = new ContractChanges("M8 bolts 2026 (rev)", null, null, null, null, null, null, null, null);
        fixture.given(drafted(designTerms()), signed(), amendedPrice())
                .when(new AmendContractCommand(CONTRACT, AmendmentReason.TERMS_CORRECTION, "typo", title, null))
                .expectEventsMatching(singlePayload(event -> {
                    ContractAmendedEvent amended = (ContractAmendedEvent) event;
                    return amended.amendmentNumber() == 2
                            && amended.changes().equals(List.of(new FieldChange("title", "M8 bolts 2026", "M8 bolts 2026 (rev)")))
                            && amended.terms().lineItems().get(0).unitPrice().equals(dec("0.90"));
                }));
    }

    @Test
    void adding_a_line_with_its_milestone_records_both_additions() {
        ContractChanges addition = new ContractChanges(null,
                List.of(new LineItemChange("M10-40", "M10x40 bolt", dec("500"), "pcs", dec("1.20"))),
                List.of(new MilestoneChange("d2", date("2027-02-01"), List.of(new MilestoneLine("M10-40", dec("500"))))),
                null, null, null, null, null, null);
        at(NOW).andGiven(drafted(designTerms()), signed())
                .when(new AmendContractCommand(CONTRACT, AmendmentReason.SCOPE_CHANGE, "add M10", addition, null))
                .expectEventsMatching(singlePayload(event -> ((ContractAmendedEvent) event).changes().equals(List.of(
                        new FieldChange("lineItems[M10-40]", null, "M10x40 bolt: 500 pcs at 1.20"),
                        new FieldChange("deliveries[d2]", null, "due 2027-02-01: M10-40 500")))));
    }

    @Test
    void a_new_line_without_price_is_refused() {
        ContractChanges addition = lineChange(new LineItemChange("M10-40", "M10x40 bolt", dec("500"), "pcs", null));
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(addition)), NEW_ENTRY_INCOMPLETE,
                "new line item M10-40 needs a quantity, a unit and a unit price");
    }

    @Test
    void amended_terms_must_pass_the_drafting_rules() {
        ContractChanges fewer = lineChange(new LineItemChange("M8-30", null, dec("8000"), null, null));
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(fewer)), MILESTONES_EXCEED_LINE,
                "line item M8-30: delivery milestones schedule 10000 but the line has only 8000");
    }

    @Test
    void a_quantity_below_what_was_already_accepted_is_refused() {
        ContractChanges fewer = new ContractChanges(null,
                List.of(new LineItemChange("M8-30", null, dec("5000"), null, null)),
                List.of(new MilestoneChange("d1", null, List.of(new MilestoneLine("M8-30", dec("5000"))))),
                new PaymentTerms(30, List.of(new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")))),
                null, null, null, null, null);
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered()).when(amend(fewer)), REVISION_BELOW_ACCEPTED,
                "line item M8-30: quantity 5000 is below the 5800 already accepted");
    }

    @Test
    void the_low_credit_terms_bind_new_contracts_not_the_amendment_of_a_signed_one() {
        // The stricter terms are mandatory when drafting and signing; the walkthrough's price rise must go through.
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        fixture.given(drafted(designTerms()), signed()).when(amendPrice()).expectEvents(amendedPrice());
    }

    @Test
    void an_amended_draft_meets_the_low_credit_terms_again_at_signing() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        refused(fixture.given(drafted(designTerms()), amendedPrice()).when(sign()), LOW_CREDIT_GUARANTEE,
                "contract value 9000.00 CNY (required 900.00 CNY, given 850.00 CNY) - not met");
    }

    @Test
    void moving_the_expiry_schedules_a_new_expiry_deadline() {
        ContractChanges later = new ContractChanges(null, null, null, null, null, null, null, null, date("2028-03-31"));
        at(NOW)
                .andGiven(drafted(designTerms()), signed())
                .when(amend(later))
                .expectEventsMatching(singlePayload(event -> ((ContractAmendedEvent) event).changes()
                        .equals(List.of(new FieldChange("expiresOn", "2027-11-30", "2028-03-31")))))
                .expectScheduledDeadline(Instant.parse("2028-04-01T00:00:00Z"), new ExpiryDue(date("2028-03-31")));
    }

    @Test
    void moving_a_milestone_of_an_active_contract_schedules_its_overdue_deadline() {
        ContractChanges later = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGiven(drafted(designTerms()), signed())
                .when(new AmendContractCommand(CONTRACT, AmendmentReason.SCHEDULE_CHANGE, "port closed", later, null))
                .expectEventsMatching(singlePayload(event -> ((ContractAmendedEvent) event).changes()
                        .equals(List.of(new FieldChange("deliveries[d1].dueOn", "2026-12-15", "2026-12-31")))))
                .expectScheduledDeadline(Instant.parse("2027-01-01T00:00:00Z"), new MilestoneDue("d1", date("2026-12-31")));
    }

    @Test
    void moving_a_milestone_of_a_draft_moves_its_reminders_and_leaves_the_overdue_deadline_to_the_signing() {
        ContractChanges later = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGiven(drafted(designTerms()))
                .when(amend(later))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(Instant.parse("2026-12-24T00:00:00Z"), milestoneReminder("d1", "2026-12-31", 7))
                .expectScheduledDeadline(Instant.parse("2026-12-30T00:00:00Z"), milestoneReminder("d1", "2026-12-31", 1))
                .expectNoScheduledDeadlineWithName(Instant.parse("2027-01-01T00:00:00Z"), "milestone-overdue");
    }
}
