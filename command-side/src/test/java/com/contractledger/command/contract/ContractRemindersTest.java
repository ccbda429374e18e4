package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneChange;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.contract.RecordDeliveryCommand;
import com.contractledger.api.contract.RenewContractCommand;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.common.RuleViolationException;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reminders ahead of a contract's dates: scheduled when the date is set, raised once at the start of their day,
 * moved with the date, dropped when the milestone is met or the contract ends, never for a day already past.
 */
class ContractRemindersTest extends ContractFixture {

    private static final Instant DRAFTED_AT = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void drafting_schedules_the_reminders_still_ahead_and_none_for_a_day_already_past() {
        // d1 is due in three days: its 7-day reminder day has passed, its 1-day one is ahead
        at(DRAFTED_AT)
                .when(draft(terms("2026-12-04", "2027-06-30", 60)))
                .expectScheduledDeadline(Instant.parse("2026-12-03T00:00:00Z"), reminder(ReminderKind.MILESTONE_APPROACHING, "d1", "2026-12-04", 1))
                .expectNoScheduledDeadline(Instant.parse("2026-11-27T00:00:00Z"), reminder(ReminderKind.MILESTONE_APPROACHING, "d1", "2026-12-04", 7))
                .expectScheduledDeadline(Instant.parse("2027-05-01T00:00:00Z"), reminder(ReminderKind.RENEWAL_NOTICE_DUE, "", "2027-06-30", 60))
                .expectScheduledDeadline(Instant.parse("2027-05-31T00:00:00Z"), reminder(ReminderKind.EXPIRY_APPROACHING, "", "2027-06-30", 30));
    }

    @Test
    void the_reminder_of_a_milestone_three_days_ahead_is_raised_the_day_before_by_the_system() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-04", "2027-06-30", null)), signOnTheFirst())
                .whenTimeAdvancesTo(Instant.parse("2026-12-03T00:00:00Z"))
                .expectEvents(approaching("d1", "2026-12-04", 1));
    }

    @Test
    void reminders_of_a_draft_are_raised_too_but_not_its_expiry_reminders() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-01-10", 20)))
                .whenTimeAdvancesTo(Instant.parse("2027-01-10T00:00:00Z"))
                .expectEvents(approaching("d1", "2026-12-20", 7), approaching("d1", "2026-12-20", 1));
    }

    @Test
    void an_amendment_moves_the_reminders_with_the_due_date() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-06-30", null)), signOnTheFirst(),
                        amend(new ContractChanges(null, null, List.of(new MilestoneChange("d1", LocalDate.parse("2027-01-20"), null)),
                                null, null, null, null, null, null)))
                .whenTimeAdvancesTo(Instant.parse("2027-01-19T12:00:00Z"))
                .expectEvents(approaching("d1", "2027-01-20", 7), approaching("d1", "2027-01-20", 1));
    }

    @Test
    void a_met_milestone_is_not_reminded_of() {
        TestExecutor<Contract> signed = at(DRAFTED_AT).andGivenCommands(draft(terms("2026-12-20", "2027-06-30", null)), signOnTheFirst());
        clock.set(Instant.parse("2026-12-05T09:00:00Z"));
        signed.andGivenCommands(new RecordDeliveryCommand(CONTRACT, "dl-1", "d1", LocalDate.parse("2026-12-05"),
                        List.of(new DeliveredLine("M8-30", new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO)),
                        null, null, null))
                .whenTimeAdvancesTo(Instant.parse("2026-12-25T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void a_terminated_contract_is_reminded_of_nothing() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-06-30", 60)), signOnTheFirst(),
                        new TerminateContractCommand(CONTRACT, "supplier exit", LocalDate.parse("2026-12-01"), null))
                .whenTimeAdvancesTo(Instant.parse("2027-07-01T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void an_active_contract_is_told_the_last_day_of_its_renewal_notice_and_that_it_expires_in_30_days() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-06-30", 60)), signOnTheFirst(), deliverAll())
                .whenTimeAdvancesTo(Instant.parse("2027-06-30T00:00:00Z"))
                .expectEvents(new ContractRenewalNoticeDueEvent(CONTRACT, LocalDate.parse("2027-06-30"), 60,
                                LocalDate.parse("2027-05-01")),
                        new ContractExpiryApproachingEvent(CONTRACT, LocalDate.parse("2027-06-30"), 30));
    }

    @Test
    void a_renewal_moves_the_expiry_reminders_to_the_new_expiry() {
        TestExecutor<Contract> signed = at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-06-30", 60)), signOnTheFirst(), deliverAll());
        clock.set(Instant.parse("2027-01-05T09:00:00Z"));
        signed.andGivenCommands(new RenewContractCommand(CONTRACT, LocalDate.parse("2027-12-31"), null, null))
                .whenTimeAdvancesTo(Instant.parse("2027-12-01T00:00:00Z"))
                .expectEvents(new ContractRenewalNoticeDueEvent(CONTRACT, LocalDate.parse("2027-12-31"), 60,
                                LocalDate.parse("2027-11-01")),
                        new ContractExpiryApproachingEvent(CONTRACT, LocalDate.parse("2027-12-31"), 30));
    }

    @Test
    void removing_the_notice_period_drops_its_reminder() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-06-30", 60)), signOnTheFirst(), deliverAll(),
                        amend(noticeDays(0)))
                .whenTimeAdvancesTo(Instant.parse("2027-06-30T00:00:00Z"))
                .expectEvents(new ContractExpiryApproachingEvent(CONTRACT, LocalDate.parse("2027-06-30"), 30));
    }

    @Test
    void a_notice_period_reaching_back_before_the_contract_takes_effect_is_refused() {
        at(DRAFTED_AT)
                .when(draft(terms("2026-12-20", "2027-06-30", 300)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("a renewal notice of 300 days before 2027-06-30 starts before the contract "
                        + "takes effect on 2026-12-01")
                .expectNoEvents();
    }

    @Test
    void an_overdue_milestone_is_reported_after_its_reminders() {
        at(DRAFTED_AT)
                .andGivenCommands(draft(terms("2026-12-20", "2027-06-30", null)), signOnTheFirst())
                .whenTimeAdvancesTo(Instant.parse("2026-12-21T00:00:00Z"))
                .expectEvents(approaching("d1", "2026-12-20", 7), approaching("d1", "2026-12-20", 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY,
                                LocalDate.parse("2026-12-20"), Instant.parse("2026-12-21T00:00:00Z"), false));
    }

    private static ContractTerms terms(String deliveryDueOn, String expiresOn, Integer renewalNoticeDays) {
        return new ContractTerms("M8 bolts", List.of(new LineItem("M8-30", "bolt", new BigDecimal("100"), "pcs",
                new BigDecimal("1.00"))),
                List.of(new DeliveryMilestone("d1", LocalDate.parse(deliveryDueOn),
                        List.of(new MilestoneLine("M8-30", new BigDecimal("100"))))),
                new PaymentTerms(30, List.of()), List.of(), null, null, LocalDate.parse("2026-12-01"),
                LocalDate.parse(expiresOn), renewalNoticeDays);
    }

    private static SignContractCommand signOnTheFirst() {
        return new SignContractCommand(CONTRACT, List.of("Wang Li"), LocalDate.parse("2026-12-01"), null);
    }

    private static RecordDeliveryCommand deliverAll() {
        return new RecordDeliveryCommand(CONTRACT, "dl-1", "d1", LocalDate.parse("2026-12-01"),
                List.of(new DeliveredLine("M8-30", new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO)),
                null, null, null);
    }

    private static ContractChanges noticeDays(int days) {
        return new ContractChanges(null, null, null, null, null, null, null, null, null, days);
    }

    private static ContractMilestoneApproachingEvent approaching(String milestoneId, String dueOn, int daysBefore) {
        return new ContractMilestoneApproachingEvent(CONTRACT, milestoneId, MilestoneKind.DELIVERY,
                LocalDate.parse(dueOn), daysBefore);
    }

    private static PlannedReminder reminder(ReminderKind kind, String subject, String date, int daysBefore) {
        LocalDate day = LocalDate.parse(date);
        List<PlannedReminder> planned = kind == ReminderKind.MILESTONE_APPROACHING
                ? ReminderPolicy.DEFAULT.forMilestone(subject, day) : ReminderPolicy.DEFAULT.forExpiry(day, daysBefore);
        return planned.stream().filter(r -> r.kind() == kind && r.daysBefore() == daysBefore).findFirst().orElseThrow();
    }
}
