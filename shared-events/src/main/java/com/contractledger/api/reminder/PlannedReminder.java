package com.contractledger.api.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One reminder a date calls for: raised at the start of {@code remindOn} (UTC), {@code daysBefore} days ahead of
 * {@code date} (the due date, expiry or end of validity). {@code subject} names the milestone or certification; it is
 * empty for the contract's own dates.
 */
public record PlannedReminder(ReminderKind kind, String subject, LocalDate date, int daysBefore, LocalDate remindOn) {

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

    /**
     * Whether the reminder still tells anyone something at {@code now}: until the end of its date (of its own day for a
     * renewal notice); an expired certification always. Raised later (the system was down), it is dropped.
     */
    public boolean isTimelyAt(Instant now) {
        LocalDate lastUsefulDay = switch (kind) {
            case CERTIFICATION_EXPIRED -> null;
            case RENEWAL_NOTICE_DUE -> remindOn;
            default -> date;
        };
        return lastUsefulDay == null || now.isBefore(startOf(lastUsefulDay.plusDays(1)));
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
