package com.contractledger.api.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One reminder a date calls for: raised at the start of {@code remindOn} (UTC), {@code daysBefore} days ahead of
 * {@code date} (the due date, expiry or end of validity). {@code subject} names the milestone or certification; it is
 * empty for the contract's own dates. {@code lastUsefulDay} is the last day the reminder still tells anyone something:
 * raised later (the system was down), it is dropped.
 */
public record PlannedReminder(ReminderKind kind, String subject, LocalDate date, int daysBefore, LocalDate remindOn,
                              LocalDate lastUsefulDay) {

    public Instant remindAt() {
        return startOf(remindOn);
    }

    /** Raised at most once for this subject, date and lead. */
    public String key() {
        return keyOf(kind, subject, date, daysBefore);
    }

    public static String keyOf(ReminderKind kind, String subject, LocalDate date, int daysBefore) {
        return kind + "/" + subject + "/" + date + "/" + daysBefore;
    }

    public boolean isTimelyAt(Instant now) {
        return lastUsefulDay == null || now.isBefore(startOf(lastUsefulDay.plusDays(1)));
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
