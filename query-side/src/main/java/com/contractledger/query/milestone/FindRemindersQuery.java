package com.contractledger.query.milestone;

import com.contractledger.api.reminder.ReminderKind;

import java.time.Instant;

/** Reminders raised, newest first; every filter is optional, {@code since} inclusive. */
public record FindRemindersQuery(ReminderKind kind, String aggregateId, Instant since, int page, int size) {
}
