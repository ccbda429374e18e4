package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.Reminders;
import org.axonframework.deadline.DeadlineManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dates a contract's terms set deadlines and reminders for, and how they move when the terms change. */
final class ContractDeadlines {

    static final String MILESTONE_OVERDUE = "milestone-overdue";
    static final String CONTRACT_EXPIRY = "contract-expiry";

    private ContractDeadlines() {
    }

    /** Due dates are calendar dates in UTC; an unmet one is overdue from the start of the next day. */
    static Instant startOfDayAfter(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static void scheduleExpiry(DeadlineManager deadlines, LocalDate expiresOn) {
        deadlines.schedule(startOfDayAfter(expiresOn), CONTRACT_EXPIRY, new ExpiryDue(expiresOn));
    }

    /** A new expiry gets its deadline, and new or moved dates their reminders; the old ones come to nothing. */
    static void scheduleRevised(ContractTerms before, ContractTerms after, DeadlineManager deadlines, Reminders reminders) {
        if (!after.expiresOn().equals(before.expiresOn())) {
            scheduleExpiry(deadlines, after.expiresOn());
        }
        reminders.scheduleAhead(deadlines, newReminders(before, after, reminders.policy()));
    }

    /** Every milestone's due date, deliveries first, then payment instalments (their ids never overlap). */
    static Map<String, LocalDate> milestones(ContractTerms terms) {
        Map<String, LocalDate> dueDates = new LinkedHashMap<>();
        terms.deliveries().forEach(m -> dueDates.put(m.milestoneId(), m.dueOn()));
        TermsRules.schedule(terms).forEach(p -> dueDates.put(p.milestoneId(), p.dueOn()));
        return dueDates;
    }

    /** The milestones of {@code after} that are new or due on another date than in {@code before}. */
    static Map<String, LocalDate> movedMilestones(ContractTerms before, ContractTerms after) {
        Map<String, LocalDate> earlier = milestones(before);
        Map<String, LocalDate> moved = milestones(after);
        moved.entrySet().removeIf(milestone -> milestone.getValue().equals(earlier.get(milestone.getKey())));
        return moved;
    }

    /** The reminders the terms call for: ahead of expiry (and at the renewal notice) and of every milestone. */
    static List<PlannedReminder> remindersOf(ContractTerms terms, ReminderPolicy policy) {
        List<PlannedReminder> planned = new ArrayList<>(policy.forExpiry(terms.expiresOn(), terms.renewalNoticeDays()));
        milestones(terms).forEach((milestoneId, dueOn) -> planned.addAll(policy.forMilestone(milestoneId, dueOn)));
        return planned;
    }

    /** The reminders {@code after} calls for that {@code before} did not. */
    static List<PlannedReminder> newReminders(ContractTerms before, ContractTerms after, ReminderPolicy policy) {
        Set<String> plannedBefore = new HashSet<>();
        remindersOf(before, policy).forEach(reminder -> plannedBefore.add(reminder.key()));
        return remindersOf(after, policy).stream().filter(reminder -> !plannedBefore.contains(reminder.key())).toList();
    }
}
