package com.contractledger.command.supplier;

import com.contractledger.api.supplier.CommunicationChannel;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.LogSupplierCommunicationCommand;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.Reminders;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Dates of facts: none from the future (today is 2026-11-30 by the clock, one day of tolerance). */
@Tag(Refusals.TAG)
class SupplierFactDatesTest extends SupplierFixture {

    @Test
    void a_credit_assessment_dated_tomorrow_is_within_the_tolerance() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.A, 82, LocalDate.parse("2026-12-01")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierCreditAssessedEvent(SUPPLIER, CreditRating.A, 82, FactorAssessment.WEAK,
                        FactorAssessment.FAIR, FactorAssessment.GOOD, CreditSource.AGENCY, LocalDate.parse("2026-12-01"),
                        false));
    }

    @Test
    void a_credit_assessment_dated_the_day_after_tomorrow_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.A, 82, LocalDate.parse("2026-12-02")))
                .expectException(Refusals.breaking(CommonRule.FACT_FROM_FUTURE,
                        "no fact from the future: the credit assessment date 2026-12-02 is after today, "
                        + "2026-11-30 (UTC, allowing 1 day for time zones)"))
                .expectNoEvents();
    }

    @Test
    void the_tolerance_is_a_setting() {
        fixture = new AggregateTestFixture<>(SupplierRelationship.class);
        fixture.registerInjectableResource(new FactDates(clock, 0));
        fixture.registerInjectableResource(new Reminders(ReminderPolicy.DEFAULT, new FactDates(clock, 0)));
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.A, 82, LocalDate.parse("2026-12-01")))
                .expectException(Refusals.breaking(CommonRule.FACT_FROM_FUTURE, "allowing 0 days"))
                .expectNoEvents();
    }

    @Test
    void an_evaluation_of_a_period_not_yet_over_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(evaluationCommand("ev-q4", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")))
                .expectException(Refusals.breaking(CommonRule.FACT_FROM_FUTURE,
                        "no fact from the future: the end of the evaluation period 2026-12-31 is after today, 2026-11-30"))
                .expectNoEvents();
    }

    @Test
    void a_communication_from_the_future_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new LogSupplierCommunicationCommand(SUPPLIER, "c-1", CommunicationChannel.MEETING,
                        List.of("Chen Jing"), "a meeting next week", Instant.parse("2026-12-07T09:00:00Z"), null))
                .expectException(Refusals.breaking(CommonRule.FACT_FROM_FUTURE,
                        "no fact from the future: the date of the communication 2026-12-07 is after today, 2026-11-30"))
                .expectNoEvents();
    }

    @Test
    void the_clock_decides_what_today_is() {
        clock.set(Instant.parse("2026-12-31T00:00:00Z"));
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(evaluationCommand("ev-q4", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")))
                .expectSuccessfulHandlerExecution();
    }
}
