package com.contractledger.command.supplier;

import com.contractledger.api.supplier.ChangeSupplierTierCommand;
import com.contractledger.api.supplier.ClassifySupplierCommand;
import com.contractledger.api.supplier.CompleteRectificationCommand;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.ReinstateSupplierCommand;
import com.contractledger.api.supplier.RequestRectificationCommand;
import com.contractledger.api.supplier.SupplierCommunicationLoggedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierRelationshipTerminatedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SuspendSupplierCommand;
import com.contractledger.api.supplier.TerminateSupplierRelationshipCommand;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

/** Suspension, reinstatement and termination, and the communication log. */
@Tag(Refusals.TAG)
class SupplierStandingTest extends SupplierFixture {

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
}
