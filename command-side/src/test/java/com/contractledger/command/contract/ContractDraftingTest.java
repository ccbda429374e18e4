package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.DraftContractCommand;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.GuaranteeType;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PenaltyClause;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.contractledger.command.contract.ContractRule.EXPIRY_NOT_AFTER_EFFECTIVE;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_GUARANTEE;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_PREPAYMENT;
import static com.contractledger.command.contract.ContractRule.MILESTONES_EXCEED_LINE;
import static com.contractledger.command.contract.ContractRule.MILESTONE_SKU_UNKNOWN;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOTICE_BEFORE_EFFECTIVE;
import static com.contractledger.command.contract.ContractRule.SCHEDULE_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ACCEPTING;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ONBOARDED;
import static com.contractledger.command.contract.ContractRule.TERMS_FIGURES_IN_RANGE;
import static com.contractledger.command.contract.ContractRule.TERMS_IDS_UNIQUE;
import static com.contractledger.command.contract.ContractRule.TERMS_INCOMPLETE;

/** Drafting: the supplier must take contracts, and the terms must hold together. */
@Tag(Refusals.TAG)
class ContractDraftingTest extends ContractFixture {

    @Test
    void drafting_with_an_unknown_supplier_is_refused() {
        refused(fixture.givenNoPriorActivity()
                        .when(new DraftContractCommand(CONTRACT, SupplierId.of("sup-404"), ContractType.GOODS, CNY, designTerms())), SUPPLIER_NOT_ONBOARDED,
                "supplier sup-404 is not onboarded");
    }

    @Test
    void drafting_with_a_suspended_supplier_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.SUSPENDED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.givenNoPriorActivity().when(draft(designTerms())), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is SUSPENDED");
    }

    @Test
    void drafting_with_a_terminated_supplier_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.TERMINATED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.givenNoPriorActivity().when(draft(designTerms())), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is TERMINATED");
    }

    @Test
    void drafting_without_payment_terms_is_refused() {
        ContractTerms t = designTerms();
        ContractTerms unpaid = new ContractTerms(t.title(), t.lineItems(), t.deliveries(), null, t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
        refused(fixture.givenNoPriorActivity().when(draft(unpaid)), TERMS_INCOMPLETE, "payment terms are required");
    }

    @Test
    void a_sku_appearing_twice_is_refused() {
        ContractTerms terms = withLineItems(designTerms(), designLine(), designLine());
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "line item sku M8-30 appears more than once");
    }

    @Test
    void a_zero_quantity_is_refused() {
        ContractTerms terms = withLineItems(designTerms(), new LineItem("M8-30", "M8x30 bolt", dec("0"), "pcs", dec("0.85")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "M8-30: quantity must be greater than 0");
    }

    @Test
    void a_negative_unit_price_is_refused() {
        ContractTerms terms = withLineItems(designTerms(), new LineItem("M8-30", "M8x30 bolt", dec("10000"), "pcs", dec("-0.01")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "M8-30: unit price must be 0 or more (is -0.01)");
    }

    @Test
    void milestones_scheduling_more_than_the_line_quantity_are_refused() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("6000")))),
                new DeliveryMilestone("d2", date("2027-01-05"), List.of(new MilestoneLine("M8-30", dec("5000")))));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), MILESTONES_EXCEED_LINE,
                "line item M8-30: delivery milestones schedule 11000 but the line has only 10000");
    }

    @Test
    void quantity_not_yet_scheduled_on_a_milestone_may_be_called_off_later() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("6000")))));
        fixture.givenNoPriorActivity().when(draft(terms))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(singlePayload(event -> event instanceof ContractDraftedEvent drafted
                        && drafted.terms().equals(terms)));
    }

    @Test
    void a_contract_with_unscheduled_quantity_is_not_completed_when_its_milestones_are_met_and_paid() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("6000")))));
        fixture.given(drafted(terms), signed(), paid("pay-1", "8500.00", "8500.00", "p1"))
                .when(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "6000", "6000", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-14"),
                        List.of(line("M8-30", "6000", "6000", "0")), null, null, false, 0, Money.of("5100.00", "CNY"), true));
    }

    @Test
    void a_milestone_naming_an_unknown_sku_is_refused() {
        ContractTerms terms = withDeliveries(designTerms(), new DeliveryMilestone("d1", date("2026-12-15"),
                List.of(new MilestoneLine("M8-30", dec("10000")), new MilestoneLine("M9-99", dec("5")))));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), MILESTONE_SKU_UNKNOWN,
                "names sku M9-99, which is not a line item");
    }

    @Test
    void a_milestone_id_appearing_twice_is_refused() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("5000")))),
                new DeliveryMilestone("d1", date("2026-12-20"), List.of(new MilestoneLine("M8-30", dec("5000")))));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "delivery milestone d1 appears more than once");
    }

    @Test
    void a_payment_instalment_sharing_an_id_with_a_delivery_milestone_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("d1", date("2027-01-15"), dec("8500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "payment instalment d1 has the same id as a delivery milestone");
    }

    @Test
    void a_payment_instalment_id_appearing_twice_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p1", date("2027-02-15"), dec("4500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "payment instalment p1 appears more than once");
    }

    @Test
    void a_payment_instalment_of_zero_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p1", date("2027-01-15"), dec("0.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "payment instalment p1: amount must be greater than 0");
    }

    @Test
    void a_payment_schedule_above_the_contract_value_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p1", date("2027-01-15"), dec("9000.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), SCHEDULE_EXCEEDS_VALUE,
                "payment schedule totals 9000.00 CNY, more than the contract value 8500.00 CNY");
    }

    @Test
    void an_expiry_not_after_the_effective_date_is_refused() {
        ContractTerms terms = withDates(designTerms(), date("2026-12-01"), date("2026-12-01"));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), EXPIRY_NOT_AFTER_EFFECTIVE,
                "expiresOn 2026-12-01 must be after effectiveFrom 2026-12-01");
    }

    @Test
    void a_renewal_notice_starting_before_the_contract_takes_effect_is_refused() {
        ContractTerms t = designTerms();
        ContractTerms longNotice = new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(),
                t.qualityStandards(), t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn(), 400);
        refused(fixture.givenNoPriorActivity().when(draft(longNotice)), RENEWAL_NOTICE_BEFORE_EFFECTIVE,
                "a renewal notice of 400 days before 2027-11-30 starts before the contract takes effect on 2026-12-01");
    }

    @Test
    void a_penalty_cap_above_one_is_refused() {
        ContractTerms terms = withPenalty(designTerms(), new PenaltyClause(dec("0.005"), dec("1.5")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "cap must be between 0 and 1 (is 1.5)");
    }

    @Test
    void a_penalty_rate_below_zero_is_refused() {
        ContractTerms terms = withPenalty(designTerms(), new PenaltyClause(dec("-0.001"), dec("0.10")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "late delivery rate per day must be between 0 and 1");
    }

    @Test
    void a_negative_guarantee_is_refused() {
        ContractTerms terms = withGuarantee(designTerms(), new Guarantee(GuaranteeType.BANK_GUARANTEE, dec("-1")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "guarantee amount must be 0 or more (is -1)");
    }

    @Test
    void a_low_credit_supplier_without_a_ten_percent_guarantee_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        ContractTerms terms = withGuarantee(designTerms(), new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), LOW_CREDIT_GUARANTEE,
                "supplier sup-001 is rated BB, so stricter terms apply: a guarantee of at least 10% of the contract value "
                        + "8500.00 CNY (required 850.00 CNY, given 500.00 CNY) - not met; and no payment due before the "
                        + "first delivery milestone (first delivery due 2026-12-15, first payment p1 due 2027-01-15) - met");
    }

    @Test
    void a_low_credit_supplier_paid_before_the_first_delivery_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.CCC, SupplierTier.KEY));
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p0", date("2026-12-01"), dec("1000.00")),
                new PaymentInstalment("p1", date("2027-01-15"), dec("7500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), LOW_CREDIT_PREPAYMENT,
                "(first delivery due 2026-12-15, first payment p0 due 2026-12-01) - not met");
    }

    @Test
    void a_low_credit_supplier_on_stricter_terms_can_be_contracted() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        fixture.givenNoPriorActivity()
                .when(draft(designTerms()))
                .expectEvents(drafted(designTerms()));
    }
}
