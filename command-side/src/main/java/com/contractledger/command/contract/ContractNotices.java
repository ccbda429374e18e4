package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderKind;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/** What a contract has already told about its dates, a member of its aggregate, so that nothing is told twice. */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class ContractNotices {

    /** Milestones already reported overdue, with the due date that was reported. */
    private Map<String, LocalDate> reportedOverdue = new HashMap<>();
    /** The keys of the reminders raised ({@link PlannedReminder#key()}). */
    private Set<String> issuedReminders = new HashSet<>();

    boolean reportedOverdue(String milestoneId, LocalDate dueOn) {
        return dueOn.equals(reportedOverdue.get(milestoneId));
    }

    boolean issued(PlannedReminder reminder) {
        return issuedReminders.contains(reminder.key());
    }

    @EventSourcingHandler
    void on(ContractMilestoneOverdueEvent event) {
        reportedOverdue.put(event.milestoneId(), event.dueOn());
    }

    @EventSourcingHandler
    void on(ContractMilestoneApproachingEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.MILESTONE_APPROACHING, event.milestoneId(),
                event.dueOn(), event.daysBefore()));
    }

    @EventSourcingHandler
    void on(ContractRenewalNoticeDueEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.RENEWAL_NOTICE_DUE, "", event.expiresOn(),
                event.renewalNoticeDays()));
    }

    @EventSourcingHandler
    void on(ContractExpiryApproachingEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.EXPIRY_APPROACHING, "", event.expiresOn(),
                event.daysBefore()));
    }
}
