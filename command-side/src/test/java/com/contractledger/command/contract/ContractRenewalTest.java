package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.LineItemChange;
import com.contractledger.api.contract.MilestoneChange;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.RenewContractCommand;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static com.contractledger.command.contract.ContractRule.RENEWAL_EXPIRY_IN_CHANGES;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NEEDS_ACTIVE;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOT_LATER;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ACCEPTING;

/** Renewal to a later expiry, and the expiry of a contract not renewed. */
@Tag(Refusals.TAG)
class ContractRenewalTest extends ContractFixture {

    @Test
    void a_contract_not_renewed_expires_the_day_after_expiry() {
        at(NOW)
                .andGivenCommands(draft(designTerms()))
                .whenTimeAdvancesTo(Instant.parse("2027-12-01T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 1),
                        new ContractExpiredEvent(CONTRACT, date("2027-11-30")));
    }

    @Test
    void an_expiry_moved_by_amendment_ignores_the_old_deadline() {
        ContractChanges later = new ContractChanges(null, null, null, null, null, null, null, null, date("2028-03-31"));
        at(NOW)
                .andGivenCommands(draft(designTerms()), amend(later))
                .whenTimeAdvancesTo(Instant.parse("2027-12-02T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 1))
                .expectScheduledDeadline(Instant.parse("2028-04-01T00:00:00Z"), new ExpiryDue(date("2028-03-31")));
    }

    @Test
    void an_expired_contract_refuses_every_command() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractExpiredEvent(CONTRACT, date("2027-11-30")))
                        .when(designDelivery()), CONTRACT_CLOSED,
                "contract ct-2026-001 is EXPIRED and accepts no further commands");
    }

    @Test
    void renewing_records_the_new_expiry_and_schedules_it() {
        at(NOW)
                .andGiven(drafted(designTerms()), signed())
                .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null))
                .expectEvents(new ContractRenewedEvent(CONTRACT, 1, date("2027-11-30"), date("2028-11-30"),
                        List.of(new FieldChange("expiresOn", "2027-11-30", "2028-11-30")),
                        withDates(designTerms(), date("2026-12-01"), date("2028-11-30")), List.of()))
                .expectScheduledDeadline(Instant.parse("2028-12-01T00:00:00Z"), new ExpiryDue(date("2028-11-30")));
    }

    @Test
    void renewing_with_more_volume_diffs_the_changes_and_schedules_the_new_milestone() {
        ContractChanges volume = new ContractChanges(null,
                List.of(new LineItemChange("M8-30", null, dec("15000"), null, null)),
                List.of(new MilestoneChange("d2", date("2028-03-15"), List.of(new MilestoneLine("M8-30", dec("5000"))))),
                null, null, null, null, null, null);
        at(NOW)
                .andGiven(drafted(designTerms()), signed(), renewed(1))
                .when(new RenewContractCommand(CONTRACT, date("2029-11-30"), volume, null))
                .expectEventsMatching(singlePayload(event -> {
                    ContractRenewedEvent renewal = (ContractRenewedEvent) event;
                    return renewal.renewalNumber() == 2 && renewal.changes().equals(List.of(
                            new FieldChange("lineItems[M8-30].quantity", "10000", "15000"),
                            new FieldChange("deliveries[d2]", null, "due 2028-03-15: M8-30 5000"),
                            new FieldChange("expiresOn", "2028-11-30", "2029-11-30")));
                }))
                .expectScheduledDeadline(Instant.parse("2028-03-16T00:00:00Z"), new MilestoneDue("d2", date("2028-03-15")))
                .expectScheduledDeadline(Instant.parse("2029-12-01T00:00:00Z"), new ExpiryDue(date("2029-11-30")));
    }

    @Test
    void the_design_renewal_body_adds_volume_to_be_scheduled_later() {
        fixture.given(drafted(designTerms()), signed())
                .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), json(WALKTHROUGH_RENEWAL_CHANGES, ContractChanges.class), null))
                .expectEventsMatching(singlePayload(event -> event instanceof ContractRenewedEvent renewal
                        && renewal.changes().equals(List.of(
                        new FieldChange("lineItems[M8-30].quantity", "10000", "15000"),
                        new FieldChange("expiresOn", "2027-11-30", "2028-11-30")))));
    }

    @Test
    void renewing_an_expired_contract_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractExpiredEvent(CONTRACT, date("2027-11-30")))
                        .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null)), CONTRACT_CLOSED,
                "contract ct-2026-001 is EXPIRED");
    }

    @Test
    void renewing_a_draft_is_refused() {
        refused(fixture.given(drafted(designTerms())).when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null)), RENEWAL_NEEDS_ACTIVE,
                "only an ACTIVE contract can be renewed; contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_renewal_must_move_the_expiry_later() {
        refused(fixture.given(drafted(designTerms()), signed()).when(new RenewContractCommand(CONTRACT, date("2027-11-30"), null, null)), RENEWAL_NOT_LATER,
                "the new expiry 2027-11-30 must be after the current expiry 2027-11-30");
    }

    @Test
    void a_renewal_changing_expiry_through_its_changes_is_refused() {
        ContractChanges sneaky = new ContractChanges(null, null, null, null, null, null, null, null, date("2029-01-01"));
        refused(fixture.given(drafted(designTerms()), signed()).when(new RenewContractCommand(CONTRACT, date("2028-11-30"), sneaky, null)), RENEWAL_EXPIRY_IN_CHANGES,
                "changes.expiresOn must be empty");
    }

    @Test
    void renewing_with_a_suspended_supplier_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.SUSPENDED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.given(drafted(designTerms()), signed()).when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null)), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is SUSPENDED");
    }
}
