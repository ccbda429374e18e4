package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.PenaltyClause;
import com.contractledger.api.contract.RecordBreachCommand;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.contractledger.command.contract.ContractRule.CONTRACT_NOT_ACTIVE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_EXCEEDS_REMAINING;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_NOT_DUE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_REPEATED;
import static com.contractledger.command.contract.ContractRule.DELIVERY_UNBALANCED;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_NOT_LATE;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_REPEATED;
import static com.contractledger.command.contract.ContractRule.REFERENCE_NOT_IN_CONTRACT;

/** Deliveries against milestones, and the breaches and penalties they lead to. */
@Tag(Refusals.TAG)
class ContractDeliveryTest extends ContractFixture {

    @Test
    void no_delivery_before_signing() {
        refused(fixture.given(drafted(designTerms())).when(designDelivery()), CONTRACT_NOT_ACTIVE,
                "no delivery before signing: contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_delivery_against_an_unknown_milestone_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d9", "2026-12-10", line("M8-30", "100", "100", "0"))), REFERENCE_NOT_IN_CONTRACT,
                "delivery milestone d9 does not exist");
    }

    @Test
    void accepted_plus_rejected_must_equal_delivered() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2026-12-10", line("M8-30", "6000", "5800", "100"))), DELIVERY_UNBALANCED,
                "accepted 5800 + rejected 100 must equal delivered 6000");
    }

    @Test
    void a_sku_not_due_at_the_milestone_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2026-12-10", line("M9-99", "10", "10", "0"))), DELIVERY_SKU_NOT_DUE,
                "delivery milestone d1 has no line for sku M9-99");
    }

    @Test
    void a_sku_twice_in_one_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2026-12-10", line("M8-30", "10", "10", "0"), line("M8-30", "10", "10", "0"))), DELIVERY_SKU_REPEATED,
                "sku M8-30 appears more than once in the delivery");
    }

    @Test
    void a_delivery_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(delivery("dl-1", "d1", "2026-12-20", line("M8-30", "10", "10", "0"))), CommonRule.ID_ALREADY_RECORDED,
                "delivery dl-1 is already recorded");
    }

    @Test
    void delivering_more_than_remains_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(delivery("dl-2", "d1", "2026-12-20", line("M8-30", "4201", "4201", "0"))), DELIVERY_EXCEEDS_REMAINING,
                "delivered 4201 is more than the 4200 remaining at delivery milestone d1");
    }

    @Test
    void rejected_goods_can_be_replaced_and_meet_the_milestone() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(delivery("dl-2", "d1", "2026-12-20", line("M8-30", "4200", "4200", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-2", "d1", date("2026-12-20"),
                        List.of(line("M8-30", "4200", "4200", "0")), null, null, true, 5, Money.of("3780.00", "CNY"), true));
    }

    @Test
    void an_on_time_delivery_is_not_late() {
        fixture.given(drafted(designTerms()), signed())
                .when(delivery("dl-1", "d1", "2026-12-15", line("M8-30", "1000", "1000", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-15"),
                        List.of(line("M8-30", "1000", "1000", "0")), null, null, false, 0, Money.of("850.00", "CNY"), false));
    }

    @Test
    void the_penalty_is_capped_at_the_cap_share_of_the_contract_value() {
        ContractTerms steep = withPenalty(designTerms(), new PenaltyClause(dec("0.05"), dec("0.01")));
        fixture.given(drafted(steep), signed(), delivered("dl-1", "2026-12-18", "6000", "5100.00", true))
                .when(lateBreach("br-1", "dl-1"))
                .expectEvents(breached("br-1", "dl-1", "85.00",
                        "0.05 × 3 days × 5100.00 CNY = 765.00 CNY, capped at 85.00 CNY "
                                + "(cap 0.01 × contract value 8500.00 CNY = 85.00 CNY, 0.00 CNY already charged)"));
    }

    @Test
    void penalties_together_never_exceed_the_cap() {
        ContractTerms tight = withPenalty(designTerms(), new PenaltyClause(dec("0.005"), dec("0.01")));
        fixture.given(drafted(tight), signed(),
                        delivered("dl-1", "2026-12-18", "6000", "5100.00", true),
                        breachedEvent("br-1", "dl-1", "76.50"),
                        delivered("dl-2", "2026-12-20", "4000", "3400.00", true))
                .when(lateBreach("br-2", "dl-2"))
                .expectEvents(breached("br-2", "dl-2", "8.50",
                        "0.005 × 5 days × 3400.00 CNY = 85.00 CNY, capped at 8.50 CNY "
                                + "(cap 0.01 × contract value 8500.00 CNY = 85.00 CNY, 76.50 CNY already charged)"));
    }

    @Test
    void a_late_delivery_breach_naming_an_on_time_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), delivered("dl-1", "2026-12-15", "1000", "850.00", false))
                        .when(lateBreach("br-1", "dl-1")), LATE_DELIVERY_BREACH_NOT_LATE,
                "delivery dl-1 was not late");
    }

    @Test
    void a_second_late_delivery_penalty_for_the_same_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                        .when(lateBreach("br-2", "dl-1")), LATE_DELIVERY_BREACH_REPEATED,
                "delivery dl-1 already has a LATE_DELIVERY breach (br-1)");
    }

    @Test
    void a_breach_naming_an_unknown_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(lateBreach("br-1", "dl-9")), REFERENCE_NOT_IN_CONTRACT,
                "delivery dl-9 does not exist");
    }

    @Test
    void a_breach_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                        .when(new RecordBreachCommand(CONTRACT, "br-1", BreachType.OTHER, ResponsibleParty.BUYER, "x", null, date("2026-12-20"), null)), CommonRule.ID_ALREADY_RECORDED,
                "breach br-1 is already recorded");
    }

    @Test
    void a_quality_breach_carries_no_penalty() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(new RecordBreachCommand(CONTRACT, "br-2", BreachType.QUALITY_NONCONFORMANCE, ResponsibleParty.SUPPLIER,
                        "thread defects", "dl-1", date("2026-12-18"), null))
                .expectEvents(new ContractBreachedEvent(CONTRACT, "br-2", BreachType.QUALITY_NONCONFORMANCE,
                        ResponsibleParty.SUPPLIER, "thread defects", "dl-1", date("2026-12-18"), Money.of("0.00", "CNY"),
                        "the penalty clause covers late delivery by the supplier only: 0.00 CNY"));
    }

    @Test
    void no_breach_before_signing() {
        refused(fixture.given(drafted(designTerms())).when(lateBreach("br-1", null)), CONTRACT_NOT_ACTIVE,
                "no breach before signing: contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_delivery_dated_in_the_future_is_refused() {
        today("2026-12-10");
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice()).when(designDelivery()), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the delivery date 2026-12-18 is after today, 2026-12-10");
    }

    @Test
    void a_breach_dated_in_the_future_is_refused() {
        today("2026-12-18");
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(new RecordBreachCommand(CONTRACT, "br-1", BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                                "d1 three days late", "dl-1", date("2026-12-20"), null)), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the breach date 2026-12-20 is after today, 2026-12-18");
    }

    @Test
    void a_breach_before_the_delivery_it_names_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(new RecordBreachCommand(CONTRACT, "br-1", BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                                "d1 three days late", "dl-1", date("2026-12-17"), null)), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the breach date 2026-12-17 is before the date of delivery dl-1 2026-12-18");
    }
}
