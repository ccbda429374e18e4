package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.MilestoneChange;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.contract.RenewContractCommand;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.instanceOf;

/** Overdue milestones: reported from the day after their due date, once, and at once when already past. */
class ContractOverdueTest extends ContractFixture {

    @Test
    void signing_a_contract_with_a_milestone_already_past_due_reports_it_overdue_at_once_as_backfilled() {
        at(Instant.parse("2026-12-20T09:00:00Z"))
                .andGiven(drafted(designTerms()))
                .when(sign())
                .expectEvents(signed(), new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY,
                        date("2026-12-15"), Instant.parse("2026-12-16T00:00:00Z"), true))
                .expectScheduledDeadline(Instant.parse("2027-01-16T00:00:00Z"), new MilestoneDue("p1", date("2027-01-15")))
                .expectNoScheduledDeadline(Instant.parse("2026-12-16T00:00:00Z"), new MilestoneDue("d1", date("2026-12-15")));
    }

    @Test
    void a_backfilled_milestone_is_not_reported_again_when_time_passes() {
        at(Instant.parse("2026-12-20T09:00:00Z"))
                .andGivenCommands(draft(designTerms()), sign())
                .whenTimeAdvancesTo(Instant.parse("2027-01-01T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void every_milestone_past_due_at_signing_is_backfilled_and_gets_no_deadline() {
        at(Instant.parse("2027-02-01T09:00:00Z"))
                .andGiven(drafted(designTerms()))
                .when(sign())
                .expectEvents(signed(),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                                Instant.parse("2026-12-16T00:00:00Z"), true),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"),
                                Instant.parse("2027-01-16T00:00:00Z"), true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_milestone_amended_into_the_past_is_reported_overdue_at_once_as_backfilled() {
        ContractChanges earlier = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-10"), null)), null, null, null, null, null, null);
        at(Instant.parse("2026-12-12T09:00:00Z"))
                .andGiven(drafted(designTerms()), signed())
                .when(amend(earlier))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(instanceOf(ContractAmendedEvent.class)),
                        Matchers.messageWithPayload(Matchers.equalTo(new ContractMilestoneOverdueEvent(CONTRACT, "d1",
                                MilestoneKind.DELIVERY, date("2026-12-10"), Instant.parse("2026-12-11T00:00:00Z"), true))),
                        Matchers.andNoMore()));
    }

    @Test
    void an_unmet_delivery_milestone_is_overdue_from_the_start_of_the_next_day() {
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign())
                .whenTimeAdvancesTo(Instant.parse("2026-12-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                        Instant.parse("2026-12-16T00:00:00Z"), false));
    }

    @Test
    void a_milestone_is_not_overdue_on_its_due_date() {
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign())
                .whenTimeAdvancesTo(Instant.parse("2026-12-15T23:59:59Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1));
    }

    @Test
    void a_met_delivery_milestone_is_never_overdue() {
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(designTerms()), sign());
        today("2026-12-14");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")))
                .whenTimeAdvancesTo(Instant.parse("2026-12-20T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void an_uncovered_payment_instalment_is_overdue() {
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(designTerms()), sign());
        today("2027-01-10");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")),
                        payment("pay-1", "8000.00", "CNY"))
                .whenTimeAdvancesTo(Instant.parse("2027-01-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"),
                        Instant.parse("2027-01-16T00:00:00Z"), false));
    }

    @Test
    void payment_instalments_are_covered_in_due_date_order() {
        ContractTerms twoInstalments = withSchedule(designTerms(),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4500.00")),
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")));
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(twoInstalments), sign());
        today("2027-01-10");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")),
                        payment("pay-1", "4000.00", "CNY"))
                .whenTimeAdvancesTo(Instant.parse("2027-02-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "p2", MilestoneKind.PAYMENT, date("2027-02-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p2", MilestoneKind.PAYMENT, date("2027-02-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p2", MilestoneKind.PAYMENT, date("2027-02-15"),
                        Instant.parse("2027-02-16T00:00:00Z"), false));
    }

    @Test
    void of_two_instalments_due_the_same_day_a_payment_covers_the_one_with_the_lower_milestone_id_first() {
        ContractTerms sameDay = withSchedule(designTerms(),
                new PaymentInstalment("p1b", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p1a", date("2027-01-15"), dec("4500.00")));
        fixture.given(drafted(sameDay), signed())
                .when(payment("pay-1", "4500.00", "CNY"))
                .expectEvents(paid("pay-1", "4500.00", "4500.00", "p1a"));
    }

    @Test
    void of_two_instalments_due_the_same_day_only_the_uncovered_one_goes_overdue() {
        ContractTerms sameDay = withSchedule(designTerms(),
                new PaymentInstalment("p1b", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p1a", date("2027-01-15"), dec("4500.00")));
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(sameDay), sign());
        today("2027-01-10");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")),
                        payment("pay-1", "4500.00", "CNY"))
                .whenTimeAdvancesTo(Instant.parse("2027-01-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "p1b", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1b", MilestoneKind.PAYMENT, date("2027-01-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p1b", MilestoneKind.PAYMENT, date("2027-01-15"),
                        Instant.parse("2027-01-16T00:00:00Z"), false));
    }

    @Test
    void an_amendment_carries_the_instalments_the_total_paid_covers_under_the_amended_schedule() {
        ContractTerms twoInstalments = withSchedule(designTerms(),
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4500.00")));
        ContractChanges dearerFirst = new ContractChanges(null, null, null, new PaymentTerms(30, List.of(
                new PaymentInstalment("p1", date("2027-01-15"), dec("4500.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4000.00")))), null, null, null, null, null);
        fixture.given(drafted(twoInstalments), signed(), paid("pay-1", "4000.00", "4000.00", "p1"))
                .when(amend(dearerFirst))
                .expectEventsMatching(singlePayload(event ->
                        ((ContractAmendedEvent) event).coveredInstalments().equals(List.of())));
    }

    @Test
    void a_renewal_carries_the_instalments_the_total_paid_covers_under_the_renewed_schedule() {
        ContractTerms twoInstalments = withSchedule(designTerms(),
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4500.00")));
        ContractChanges cheaperSecond = new ContractChanges(null, null, null, new PaymentTerms(30, List.of(
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("1000.00")))), null, null, null, null, null);
        fixture.given(drafted(twoInstalments), signed(), paid("pay-1", "5000.00", "5000.00", "p1"))
                .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), cheaperSecond, null))
                .expectEventsMatching(singlePayload(event ->
                        ((ContractRenewedEvent) event).coveredInstalments().equals(List.of("p1", "p2"))));
    }

    @Test
    void a_milestone_is_reported_overdue_only_once_for_its_due_date() {
        // Moving d1 away and back leaves two deadlines for the same due date.
        ContractChanges away = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        ContractChanges back = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-15"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign(), amend(away), amend(back))
                .whenTimeAdvancesTo(Instant.parse("2026-12-17T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                        Instant.parse("2026-12-16T00:00:00Z"), false));
    }

    @Test
    void a_rescheduled_milestone_ignores_its_stale_deadline_and_keeps_the_new_one() {
        ContractChanges later = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign(), amend(later))
                .whenTimeAdvancesTo(Instant.parse("2026-12-20T00:00:00Z"))
                .expectNoEvents()
                .expectScheduledDeadline(Instant.parse("2027-01-01T00:00:00Z"), new MilestoneDue("d1", date("2026-12-31")));
    }
}
