package com.contractledger.command.supplier;

import com.contractledger.api.supplier.CompleteRectificationCommand;
import com.contractledger.api.supplier.EvaluateSupplierPerformanceCommand;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.RequestRectificationCommand;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.UnknownReferenceException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

/** Performance evaluations and rectifications. */
@Tag(Refusals.TAG)
class SupplierPerformanceTest extends SupplierFixture {

    @Test
    void evaluating_performance_records_the_evaluation() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(evaluationCommand("ev-q3", Q3_START, Q3_END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(evaluated("ev-q3", Q3_START, Q3_END));
    }

    @Test
    void an_evaluation_without_an_id_gets_a_generated_one() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(evaluationCommand(null, Q3_START, Q3_END))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((SupplierPerformanceEvaluatedEvent event) -> isUuid(event.evaluationId())
                                && event.equals(evaluated(event.evaluationId(), Q3_START, Q3_END))),
                        andNoMore())));
    }

    @Test
    void a_one_day_evaluation_period_is_accepted() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(evaluationCommand("ev-day", Q3_END, Q3_END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(evaluated("ev-day", Q3_END, Q3_END));
    }

    @Test
    void an_evaluation_period_ending_before_it_starts_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(evaluationCommand("ev-q3", Q3_END, Q3_START))
                .expectException(Refusals.breaking(CommonRule.FACT_BEFORE_DEPENDENCY,
                        "no fact before what it depends on: the end of the evaluation period 2026-07-01 is before the start of the evaluation period 2026-09-30"))
                .expectNoEvents();
    }

    @Test
    void rates_of_exactly_0_and_1_are_accepted() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new EvaluateSupplierPerformanceCommand(SUPPLIER, "ev-q3", Q3_START, Q3_END, BigDecimal.ZERO,
                        BigDecimal.ONE, BigDecimal.ZERO, 0, PerformanceGrade.D, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierPerformanceEvaluatedEvent(SUPPLIER, "ev-q3", Q3_START, Q3_END,
                        BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, 0, PerformanceGrade.D, null));
    }

    @Test
    void a_second_evaluation_for_the_same_period_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), evaluated("ev-q3", Q3_START, Q3_END))
                .when(evaluationCommand(null, Q3_START, Q3_END))
                .expectException(Refusals.breaking(SupplierRule.PERIOD_ALREADY_EVALUATED,
                        "already been evaluated for 2026-07-01..2026-09-30"))
                .expectNoEvents();
    }

    @Test
    void an_overlapping_but_different_period_may_be_evaluated() {
        LocalDate september = LocalDate.parse("2026-09-01");
        fixture.given(onboarded(SupplierTier.GENERAL), evaluated("ev-q3", Q3_START, Q3_END))
                .when(evaluationCommand("ev-sep", september, Q3_END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(evaluated("ev-sep", september, Q3_END));
    }

    @Test
    void reusing_an_evaluation_id_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), evaluated("ev-1", Q3_START, Q3_END))
                .when(evaluationCommand("ev-1", Q3_END.plusDays(1), LocalDate.parse("2026-10-31")))
                .expectException(Refusals.breaking(CommonRule.ID_ALREADY_RECORDED,
                        "evaluation ev-1 already exists for supplier sup-001"))
                .expectNoEvents();
    }

    // rectification

    @Test
    void requesting_a_rectification_records_the_issue_and_due_date() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new RequestRectificationCommand(SUPPLIER, "r-1", "late shipments", LocalDate.parse("2026-12-31"),
                        LocalDate.parse("2026-11-20"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rectificationRequested("r-1"));
    }

    @Test
    void a_suspended_supplier_can_be_asked_to_rectify_today_when_no_date_is_given() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new RequestRectificationCommand(SUPPLIER, "r-1", "late shipments", LocalDate.parse("2026-12-31"), null,
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RectificationRequestedEvent(SUPPLIER, "r-1", "late shipments",
                        LocalDate.parse("2026-12-31"), LocalDate.parse("2026-11-30")));
    }

    @Test
    void a_rectification_requested_in_the_future_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new RequestRectificationCommand(SUPPLIER, "r-1", "late shipments", LocalDate.parse("2026-12-31"),
                        LocalDate.parse("2026-12-05"), null))
                .expectException(Refusals.breaking(CommonRule.FACT_FROM_FUTURE,
                        "no fact from the future: the date of the rectification "
                        + "request 2026-12-05 is after today, 2026-11-30"))
                .expectNoEvents();
    }

    @Test
    void a_rectification_closed_before_it_was_requested_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, "on time now",
                        LocalDate.parse("2026-11-10"), null))
                .expectException(Refusals.breaking(CommonRule.FACT_BEFORE_DEPENDENCY,
                        "no fact before what it depends on: the date the rectification was closed "
                        + "2026-11-10 is before the date it was requested 2026-11-20"))
                .expectNoEvents();
    }

    @Test
    void a_rectification_closed_in_the_future_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, "on time now",
                        LocalDate.parse("2026-12-10"), null))
                .expectException(Refusals.breaking(CommonRule.FACT_FROM_FUTURE,
                        "no fact from the future: the date the rectification was "
                        + "closed 2026-12-10 is after today, 2026-11-30"))
                .expectNoEvents();
    }

    @Test
    void a_rectification_requested_before_its_date_was_kept_closes_on_any_past_day() {
        fixture.given(onboarded(SupplierTier.GENERAL), new RectificationRequestedEvent(SUPPLIER, "r-1",
                        "late shipments", LocalDate.parse("2026-12-31"), null))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, "on time now",
                        LocalDate.parse("2020-01-01"), null))
                .expectEvents(new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.COMPLETED,
                        "on time now", LocalDate.parse("2020-01-01")));
    }

    @Test
    void requesting_a_rectification_with_an_id_already_used_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"))
                .when(new RequestRectificationCommand(SUPPLIER, "r-1", "quality drift", LocalDate.parse("2027-01-31"), null,
                        null))
                .expectException(Refusals.breaking(CommonRule.ID_ALREADY_RECORDED,
                        "rectification r-1 already exists for supplier sup-001"))
                .expectNoEvents();
    }

    @Test
    void completing_a_rectification_records_its_outcome() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, "on time now", null,
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.COMPLETED,
                        "on time now", LocalDate.parse("2026-11-30")));
    }

    @Test
    void a_rectification_can_fail() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.FAILED, "still late", null,
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.FAILED,
                        "still late", LocalDate.parse("2026-11-30")));
    }

    @Test
    void completing_an_unknown_rectification_is_an_unknown_reference() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-2", RectificationOutcome.COMPLETED, null, null, null))
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage(containsString("supplier sup-001 has no rectification r-2"))
                .expectNoEvents();
    }

    @Test
    void a_completed_rectification_cannot_be_closed_again() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"),
                        new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, "done", LocalDate.parse("2026-11-30")))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.FAILED, "relapsed", null, null))
                .expectException(Refusals.breaking(SupplierRule.RECTIFICATION_CLOSED,
                        "rectification r-1 is already closed (COMPLETED)"))
                .expectNoEvents();
    }

    @Test
    void a_failed_rectification_cannot_be_closed_again() {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"),
                        new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.FAILED, "still late", LocalDate.parse("2026-11-30")))
                .when(new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, "fixed", null, null))
                .expectException(Refusals.breaking(SupplierRule.RECTIFICATION_CLOSED,
                        "rectification r-1 is already closed (FAILED)"))
                .expectNoEvents();
    }
}
