package com.contractledger.command.common;

import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderPolicy;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reminders as durable deadlines of the aggregate that owns the date. One deadline, {@value #DEADLINE}, carries the
 * planned reminder; only reminders still ahead are scheduled (a date already past is the overdue report's, or nobody's),
 * and a deadline that fires late (the system was down) raises its reminder only while it still tells something.
 * Aggregates get this bean as a handler parameter.
 */
@Component
public class Reminders {

    public static final String DEADLINE = "reminder";

    private final ReminderPolicy policy;
    private final FactDates facts;

    public Reminders(ReminderPolicy policy, FactDates facts) {
        this.policy = policy;
        this.facts = facts;
    }

    public ReminderPolicy policy() {
        return policy;
    }

    public void scheduleAhead(DeadlineManager deadlines, List<PlannedReminder> reminders) {
        reminders.stream().filter(reminder -> reminder.remindAt().isAfter(facts.now()))
                .forEach(reminder -> deadlines.schedule(reminder.remindAt(), DEADLINE, reminder));
    }

    /** Whether {@code reminder}, one of the reminders of its date ({@code sameDate}), is still worth raising now. */
    public boolean isDue(PlannedReminder reminder, List<PlannedReminder> sameDate) {
        return ReminderPolicy.isDue(reminder, sameDate, facts.now());
    }
}
