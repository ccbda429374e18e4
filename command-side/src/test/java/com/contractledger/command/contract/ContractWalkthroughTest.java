package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ResponsibleParty;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** The walkthrough's contract, step by step and end to end. */
class ContractWalkthroughTest extends ContractFixture {

    @Test
    void drafting_with_the_design_body_records_the_terms_and_schedules_expiry() {
        at(NOW)
                .when(draft(designTerms()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drafted(designTerms()))
                .expectScheduledDeadline(Instant.parse("2027-12-01T00:00:00Z"), new ExpiryDue(date("2027-11-30")))
                .expectScheduledDeadlineWithName(Instant.parse("2027-12-01T00:00:00Z"), "contract-expiry");
    }

    @Test
    void signing_activates_and_schedules_one_overdue_deadline_per_delivery_and_payment_milestone() {
        at(NOW)
                .andGiven(drafted(designTerms()))
                .when(sign())
                .expectEvents(signed())
                .expectScheduledDeadline(Instant.parse("2026-12-16T00:00:00Z"), new MilestoneDue("d1", date("2026-12-15")))
                .expectScheduledDeadline(Instant.parse("2027-01-16T00:00:00Z"), new MilestoneDue("p1", date("2027-01-15")))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-16T00:00:00Z"), "milestone-overdue");
    }

    @Test
    void the_price_adjustment_records_exactly_the_unit_price_change() {
        fixture.given(drafted(designTerms()), signed())
                .when(amendPrice())
                .expectEvents(new ContractAmendedEvent(CONTRACT, 1, AmendmentReason.PRICE_ADJUSTMENT, "steel price +6%",
                        List.of(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90")), termsAt090(), List.of()));
    }

    @Test
    void the_late_delivery_is_three_days_late_and_worth_5400_CNY() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice())
                .when(designDelivery())
                .expectEvents(designDelivered());
    }

    @Test
    void the_late_delivery_breach_owes_81_CNY() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(designBreach())
                .expectEvents(new ContractBreachedEvent(CONTRACT, "br-1", BreachType.LATE_DELIVERY,
                        ResponsibleParty.SUPPLIER, "d1 three days late", "dl-1", date("2026-12-18"),
                        Money.of("81.00", "CNY"), "0.005 × 3 days × 5400.00 CNY = 81.00 CNY"));
    }

    @Test
    void the_whole_scenario_runs_end_to_end_from_commands() {
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(designTerms()), sign());
        today("2026-12-18");
        signed.andGivenCommands(amendPrice(), designDelivery())
                .when(designBreach())
                .expectEventsMatching(singlePayload(event -> event instanceof ContractBreachedEvent breach
                        && breach.penalty().equals(Money.of("81.00", "CNY"))
                        && breach.penaltyCalculation().equals("0.005 × 3 days × 5400.00 CNY = 81.00 CNY")));
    }
}
