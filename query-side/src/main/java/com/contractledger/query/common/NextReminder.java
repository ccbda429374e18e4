package com.contractledger.query.common;

import com.contractledger.api.reminder.PlannedReminder;

import java.time.LocalDate;

/**
 * The next reminder a date calls for: the event that will be raised ({@code event}) at the start of {@code on} (UTC),
 * {@code daysBefore} days ahead of {@code date}; {@code subject} is the milestone, empty for the contract's own dates.
 */
public record NextReminder(String event, LocalDate on, String subject, LocalDate date, int daysBefore) {

    public static NextReminder of(PlannedReminder reminder) {
        return new NextReminder(reminder.kind().event(), reminder.remindOn(), reminder.subject(), reminder.date(),
                reminder.daysBefore());
    }
}
