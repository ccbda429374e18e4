package com.contractledger.command.supplier;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.api.supplier.AssessSupplierCreditCommand;
import com.contractledger.api.supplier.Capabilities;
import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.ChangeSupplierTierCommand;
import com.contractledger.api.supplier.ClassifySupplierCommand;
import com.contractledger.api.supplier.CommunicationChannel;
import com.contractledger.api.supplier.CompleteRectificationCommand;
import com.contractledger.api.supplier.Contact;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.EvaluateSupplierPerformanceCommand;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.LogSupplierCommunicationCommand;
import com.contractledger.api.supplier.OnboardSupplierCommand;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.ReinstateSupplierCommand;
import com.contractledger.api.supplier.RequestRectificationCommand;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierCommunicationLoggedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierRelationshipTerminatedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.contractledger.api.supplier.SuspendSupplierCommand;
import com.contractledger.api.supplier.TerminateSupplierRelationshipCommand;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.Reminders;
import com.contractledger.shared.SetClock;
import com.contractledger.command.common.UnknownReferenceException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag(Refusals.TAG)
class SupplierRelationshipTest {

    private static final SupplierId SUPPLIER = SupplierId.of("sup-001");
    private static final LocalDate Q3_START = LocalDate.parse("2026-07-01");
    private static final LocalDate Q3_END = LocalDate.parse("2026-09-30");
    private static final Instant MEETING_TIME = Instant.parse("2026-11-20T09:00:00Z");

    /** The day the tests run on: the facts above happened before it. */
    private static final Instant TODAY = Instant.parse("2026-11-30T12:00:00Z");

    private final SetClock clock = new SetClock(TODAY);
    private AggregateTestFixture<SupplierRelationship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupplierRelationship.class);
        fixture.registerInjectableResource(new FactDates(clock, 1));
        fixture.registerInjectableResource(new Reminders(ReminderPolicy.DEFAULT, new FactDates(clock, 1)));
    }

    // onboarding

    @Test
    void onboarding_a_supplier_records_who_it_is() {
        fixture.givenNoPriorActivity()
                .when(onboardCommand(SupplierTier.KEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(onboarded(SupplierTier.KEY));
    }

    @Test
    void onboarding_without_a_tier_places_the_supplier_in_the_general_tier() {
        fixture.givenNoPriorActivity()
                .when(onboardCommand(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(onboarded(SupplierTier.GENERAL));
    }

    @Test
    void onboarding_without_lists_records_empty_lists() {
        fixture.givenNoPriorActivity()
                .when(new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", null, null, null, null,
                        null, null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierOnboardedEvent(SUPPLIER, "Huadong Precision Parts Co., Ltd.", null, null,
                        null, null, List.of(), null, null, List.of(), List.of(), SupplierTier.GENERAL));
    }

    @Test
    void a_certification_without_an_expiry_date_is_accepted() {
        List<Certification> certifications = List.of(new Certification("ISO 14001", "TUV", null));
        fixture.givenNoPriorActivity()
                .when(onboardCommand(certifications, contacts(), List.of("fasteners")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((SupplierOnboardedEvent event) -> event.certifications().equals(certifications)),
                        andNoMore())));
    }

    // credit assessment

    @Test
    void assessing_credit_records_the_rating_and_score() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.AA, 81))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.AA, 81, false));
    }

    @Test
    void a_rating_of_bb_or_worse_makes_stricter_terms_required() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.BB, 58))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.BB, 58, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void a_credit_score_at_either_end_of_the_scale_is_accepted(int score) {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.C, score))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.C, score, true));
    }

    @Test
    void a_suspended_supplier_can_still_be_assessed() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(creditCommand(CreditRating.B, 40))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.B, 40, true));
    }

    // classification

    @Test
    void classifying_a_supplier_records_its_new_segmentation() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("fasteners", "springs"), "East China",
                        SupplierScale.LARGE, List.of("automotive"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierClassifiedEvent(SUPPLIER, List.of("fasteners", "springs"), "East China",
                        SupplierScale.LARGE, List.of("automotive")));
    }

    @Test
    void adding_only_a_tag_is_a_change() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("fasteners"), "East China", SupplierScale.MEDIUM,
                        List.of("automotive"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierClassifiedEvent(SUPPLIER, List.of("fasteners"), "East China",
                        SupplierScale.MEDIUM, List.of("automotive")));
    }

    @Test
    void a_classification_that_changes_nothing_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), new SupplierClassifiedEvent(SUPPLIER,
                        List.of("fasteners", "springs"), "East China", SupplierScale.MEDIUM,
                        List.of("automotive", "rail")))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("springs", "fasteners"), "East China",
                        SupplierScale.MEDIUM, List.of("rail", "automotive"), null))
                .expectException(Refusals.breaking(SupplierRule.CLASSIFICATION_UNCHANGED,
                        "classification of supplier sup-001 is unchanged"))
                .expectNoEvents();
    }

    @Test
    void repeating_the_onboarding_segmentation_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("fasteners"), "East China", SupplierScale.MEDIUM,
                        List.of(), null))
                .expectException(Refusals.breaking(SupplierRule.CLASSIFICATION_UNCHANGED, "is unchanged"))
                .expectNoEvents();
    }

    // tier

    @Test
    void changing_the_tier_records_the_previous_tier() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ChangeSupplierTierCommand(SUPPLIER, SupplierTier.KEY, "sole source of M8 fasteners", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierTierChangedEvent(SUPPLIER, SupplierTier.GENERAL, SupplierTier.KEY,
                        "sole source of M8 fasteners"));
    }

    @Test
    void moving_a_supplier_to_the_tier_it_is_in_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL),
                        new SupplierTierChangedEvent(SUPPLIER, SupplierTier.GENERAL, SupplierTier.KEY, "sole source"))
                .when(new ChangeSupplierTierCommand(SUPPLIER, SupplierTier.KEY, "again", null))
                .expectException(Refusals.breaking(SupplierRule.TIER_UNCHANGED,
                        "supplier sup-001 is already in tier KEY"))
                .expectNoEvents();
    }

    // performance evaluation

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

    // standing: suspension, reinstatement, termination

    @Test
    void suspending_an_active_supplier_records_the_suspension() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new SuspendSupplierCommand(SUPPLIER, "failed rectification r-1", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierSuspendedEvent(SUPPLIER, "failed rectification r-1"));
    }

    @Test
    void suspending_a_suspended_supplier_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new SuspendSupplierCommand(SUPPLIER, "again", null))
                .expectException(Refusals.breaking(SupplierRule.SUSPENSION_NEEDS_ACTIVE,
                        "supplier sup-001 is already suspended"))
                .expectNoEvents();
    }

    @Test
    void reinstating_a_suspended_supplier_makes_it_active_again() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new ReinstateSupplierCommand(SUPPLIER, "rectified", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierReinstatedEvent(SUPPLIER, "rectified"));
    }

    @Test
    void a_reinstated_supplier_can_be_suspended_again() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended(), new SupplierReinstatedEvent(SUPPLIER, "rectified"))
                .when(new SuspendSupplierCommand(SUPPLIER, "relapsed", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierSuspendedEvent(SUPPLIER, "relapsed"));
    }

    @Test
    void reinstating_an_active_supplier_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ReinstateSupplierCommand(SUPPLIER, "nothing to lift", null))
                .expectException(Refusals.breaking(SupplierRule.REINSTATEMENT_NEEDS_SUSPENDED,
                        "supplier sup-001 is not suspended"))
                .expectNoEvents();
    }

    @Test
    void terminating_an_active_relationship_ends_it() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new TerminateSupplierRelationshipCommand(SUPPLIER, "plant closed", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierRelationshipTerminatedEvent(SUPPLIER, "plant closed"));
    }

    @Test
    void terminating_a_suspended_relationship_ends_it() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new TerminateSupplierRelationshipCommand(SUPPLIER, "rectification failed twice", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierRelationshipTerminatedEvent(SUPPLIER, "rectification failed twice"));
    }

    @ParameterizedTest
    @MethodSource("everyCommandAfterOnboarding")
    void every_command_is_refused_once_the_relationship_is_terminated(Object command) {
        fixture.given(onboarded(SupplierTier.GENERAL), rectificationRequested("r-1"),
                        new SupplierRelationshipTerminatedEvent(SUPPLIER, "plant closed"))
                .when(command)
                .expectException(Refusals.breaking(SupplierRule.SUPPLIER_TERMINATED,
                        "supplier relationship sup-001 is terminated"))
                .expectNoEvents();
    }

    static Stream<Object> everyCommandAfterOnboarding() {
        return Stream.of(
                creditCommand(CreditRating.A, 70),
                new ClassifySupplierCommand(SUPPLIER, List.of("springs"), "North China", SupplierScale.SMALL,
                        List.of(), null),
                new ChangeSupplierTierCommand(SUPPLIER, SupplierTier.KEY, "strategic", null),
                evaluationCommand("ev-q3", Q3_START, Q3_END),
                new RequestRectificationCommand(SUPPLIER, "r-2", "late shipments", LocalDate.parse("2026-12-31"), null, null),
                new CompleteRectificationCommand(SUPPLIER, "r-1", RectificationOutcome.COMPLETED, null, null, null),
                new SuspendSupplierCommand(SUPPLIER, "x", null),
                new ReinstateSupplierCommand(SUPPLIER, "x", null),
                new TerminateSupplierRelationshipCommand(SUPPLIER, "again", null),
                communicationCommand("c-1"));
    }

    // communication log

    @Test
    void logging_a_communication_records_the_interaction() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(communicationCommand("c-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(communicationLogged("c-1"));
    }

    @Test
    void a_communication_without_an_id_gets_a_generated_one() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(communicationCommand(null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((SupplierCommunicationLoggedEvent event) -> isUuid(event.communicationId())
                                && event.equals(communicationLogged(event.communicationId()))),
                        andNoMore())));
    }

    @Test
    void communications_with_a_suspended_supplier_are_still_logged() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(communicationCommand("c-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(communicationLogged("c-1"));
    }

    @Test
    void logging_a_communication_with_an_id_already_used_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), communicationLogged("c-1"))
                .when(communicationCommand("c-1"))
                .expectException(Refusals.breaking(CommonRule.ID_ALREADY_RECORDED,
                        "communication c-1 already exists for supplier sup-001"))
                .expectNoEvents();
    }

    // concurrency and snapshots

    @Test
    void a_command_against_a_stale_version_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new ReinstateSupplierCommand(SUPPLIER, "rectified", 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void a_command_at_the_current_version_is_accepted() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new ReinstateSupplierCommand(SUPPLIER, "rectified", 1L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierReinstatedEvent(SUPPLIER, "rectified"));
    }

    @Test
    void the_whole_state_survives_a_jackson_round_trip_as_snapshots_need() {
        ObjectMapper mapper = LedgerJson.objectMapper();
        fixture.given(onboarded(SupplierTier.GENERAL),
                        new SupplierClassifiedEvent(SUPPLIER, List.of("fasteners", "springs"), "East China",
                                SupplierScale.LARGE, List.of("automotive")),
                        new SupplierTierChangedEvent(SUPPLIER, SupplierTier.GENERAL, SupplierTier.KEY, "sole source"),
                        evaluated("ev-q3", Q3_START, Q3_END),
                        rectificationRequested("r-1"),
                        new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.FAILED, "still late", LocalDate.parse("2026-11-30")),
                        rectificationRequested("r-2"),
                        suspended())
                .when(communicationCommand("c-1"))
                .expectSuccessfulHandlerExecution()
                .expectState(relationship -> {
                    String snapshot = write(mapper, relationship);
                    SupplierRelationship restored = read(mapper, snapshot);
                    JsonNode written = readTree(mapper, snapshot);

                    assertEquals(written, readTree(mapper, write(mapper, restored)));
                    assertEquals(stateFieldNames(), fieldNamesOf(written), "every state field is in the snapshot");
                    assertEquals("sup-001", written.get("supplierId").asText());
                    assertEquals("SUSPENDED", written.get("status").asText());
                    assertEquals("KEY", written.get("tier").asText());
                    assertEquals("2026-07-01", written.at("/evaluationPeriods/ev-q3/start").asText());
                    assertEquals("FAILED", written.at("/rectifications/r-1/outcome").asText());
                    assertTrue(written.at("/rectifications/r-2/outcome").isNull());
                    assertEquals("c-1", written.at("/communicationIds/0").asText());
                });
    }

    // dates of facts: none from the future (today is 2026-11-30 by the clock, one day of tolerance)

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

    // fixtures

    private static OnboardSupplierCommand onboardCommand(SupplierTier tier) {
        return new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", "91310000MA1FL0001X",
                "Shanghai", "Wang Li", "East China", List.of("fasteners"), SupplierScale.MEDIUM, capabilities(),
                certifications(), contacts(), tier);
    }

    private static OnboardSupplierCommand onboardCommand(List<Certification> certifications, List<Contact> contacts,
                                                         List<String> categories) {
        return new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", "91310000MA1FL0001X",
                "Shanghai", "Wang Li", "East China", categories, SupplierScale.MEDIUM, capabilities(),
                certifications, contacts, SupplierTier.GENERAL);
    }

    private static SupplierOnboardedEvent onboarded(SupplierTier tier) {
        return new SupplierOnboardedEvent(SUPPLIER, "Huadong Precision Parts Co., Ltd.", "91310000MA1FL0001X",
                "Shanghai", "Wang Li", "East China", List.of("fasteners"), SupplierScale.MEDIUM, capabilities(),
                certifications(), contacts(), tier);
    }

    private static Capabilities capabilities() {
        return new Capabilities("200000 pcs", null, "ISO 9001");
    }

    private static List<Certification> certifications() {
        return List.of(new Certification("ISO 9001", "SGS", LocalDate.parse("2027-06-30")));
    }

    private static List<Contact> contacts() {
        return List.of(new Contact("Chen Jing", "Sales", "chen@example.com", "+86-21-5555-0100"));
    }

    private static AssessSupplierCreditCommand creditCommand(CreditRating rating, int score) {
        return creditCommand(rating, score, LocalDate.parse("2026-11-01"));
    }

    private static AssessSupplierCreditCommand creditCommand(CreditRating rating, int score, LocalDate assessedOn) {
        return new AssessSupplierCreditCommand(SUPPLIER, rating, score, FactorAssessment.WEAK, FactorAssessment.FAIR,
                FactorAssessment.GOOD, CreditSource.AGENCY, assessedOn, null);
    }

    private static SupplierCreditAssessedEvent creditAssessed(CreditRating rating, int score, boolean stricterTerms) {
        return new SupplierCreditAssessedEvent(SUPPLIER, rating, score, FactorAssessment.WEAK, FactorAssessment.FAIR,
                FactorAssessment.GOOD, CreditSource.AGENCY, LocalDate.parse("2026-11-01"), stricterTerms);
    }

    private static EvaluateSupplierPerformanceCommand evaluationCommand(String evaluationId, LocalDate start,
                                                                        LocalDate end) {
        return new EvaluateSupplierPerformanceCommand(SUPPLIER, evaluationId, start, end, new BigDecimal("0.92"),
                new BigDecimal("0.97"), new BigDecimal("6"), 88, PerformanceGrade.B, "steady", null);
    }

    private static SupplierPerformanceEvaluatedEvent evaluated(String evaluationId, LocalDate start, LocalDate end) {
        return new SupplierPerformanceEvaluatedEvent(SUPPLIER, evaluationId, start, end, new BigDecimal("0.92"),
                new BigDecimal("0.97"), new BigDecimal("6"), 88, PerformanceGrade.B, "steady");
    }

    private static RectificationRequestedEvent rectificationRequested(String rectificationId) {
        return new RectificationRequestedEvent(SUPPLIER, rectificationId, "late shipments",
                LocalDate.parse("2026-12-31"), LocalDate.parse("2026-11-20"));
    }

    private static SupplierSuspendedEvent suspended() {
        return new SupplierSuspendedEvent(SUPPLIER, "failed rectification r-1");
    }

    private static LogSupplierCommunicationCommand communicationCommand(String communicationId) {
        return new LogSupplierCommunicationCommand(SUPPLIER, communicationId, CommunicationChannel.MEETING,
                List.of("Chen Jing"), "agreed a recovery plan", MEETING_TIME, null);
    }

    private static SupplierCommunicationLoggedEvent communicationLogged(String communicationId) {
        return new SupplierCommunicationLoggedEvent(SUPPLIER, communicationId, CommunicationChannel.MEETING,
                List.of("Chen Jing"), "agreed a recovery plan", MEETING_TIME);
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    private static Set<String> stateFieldNames() {
        return Arrays.stream(SupplierRelationship.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNamesOf(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot serialize " + value, e);
        }
    }

    private static SupplierRelationship read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, SupplierRelationship.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot deserialize " + json, e);
        }
    }

    private static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
