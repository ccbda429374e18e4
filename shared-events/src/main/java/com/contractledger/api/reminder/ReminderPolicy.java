package com.contractledger.api.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How far ahead of each date the ledger reminds: {@code milestoneDaysBefore} (7 and 1 by default) ahead of every
 * unmet milestone, {@code expiryDaysBefore} (30) ahead of a contract's expiry, {@code certificationDaysBefore} (60)
 * ahead of the end of a certification's validity, which is also announced the day after it. A contract's renewal
 * notice falls on its own term's day. The write side schedules from this policy and the read side shows the next
 * reminder from it, so both sides are configured alike ({@code ledger.reminders.*}).
 */
public record ReminderPolicy(List<Integer> milestoneDaysBefore, Integer expiryDaysBefore,
                             Integer certificationDaysBefore) {

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(7, 1), 30, 60);

    public ReminderPolicy {
        milestoneDaysBefore = milestoneDaysBefore == null ? List.of(7, 1)
                : milestoneDaysBefore.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        expiryDaysBefore = expiryDaysBefore == null ? 30 : expiryDaysBefore;
        certificationDaysBefore = certificationDaysBefore == null ? 60 : certificationDaysBefore;
        Stream.concat(milestoneDaysBefore.stream(), Stream.of(expiryDaysBefore, certificationDaysBefore))
                .filter(days -> days < 1)
                .findAny().ifPresent(days -> {
                    throw new IllegalArgumentException("reminders come at least one day ahead, not " + days);
                });
    }

    /** The reminders of a delivery or payment milestone due on {@code dueOn}, earliest first. */
    public List<PlannedReminder> forMilestone(String milestoneId, LocalDate dueOn) {
        return milestoneDaysBefore.stream()
                .map(days -> ahead(ReminderKind.MILESTONE_APPROACHING, milestoneId, dueOn, days))
                .toList();
    }

    /**
     * The reminders of a contract expiring on {@code expiresOn}: the last day of its renewal notice period when it has
     * one ({@code renewalNoticeDays}), and {@code expiryDaysBefore} ahead.
     */
    public List<PlannedReminder> forExpiry(LocalDate expiresOn, Integer renewalNoticeDays) {
        Stream<PlannedReminder> notice = renewalNoticeDays == null ? Stream.empty()
                : Stream.of(ahead(ReminderKind.RENEWAL_NOTICE_DUE, "", expiresOn, renewalNoticeDays));
        Stream<PlannedReminder> expiry = Stream.of(ahead(ReminderKind.EXPIRY_APPROACHING, "", expiresOn,
                expiryDaysBefore));
        return Stream.concat(notice, expiry).sorted(Comparator.comparing(PlannedReminder::remindOn)).toList();
    }

    /** Ahead of the end of a certification's validity, and the day after it (when it has expired). */
    public List<PlannedReminder> forCertification(String name, LocalDate validUntil) {
        return List.of(ahead(ReminderKind.CERTIFICATION_EXPIRING, name, validUntil, certificationDaysBefore),
                new PlannedReminder(ReminderKind.CERTIFICATION_EXPIRED, name, validUntil, 0, validUntil.plusDays(1)));
    }

    /**
     * Whether {@code reminder}, one of {@code sameDate} (the reminders of one date), is still worth raising at
     * {@code now}: within its useful days, and no later reminder of the same date is already due.
     */
    public static boolean isDue(PlannedReminder reminder, List<PlannedReminder> sameDate, Instant now) {
        return reminder.isTimelyAt(now) && sameDate.stream()
                .filter(other -> other.kind() == reminder.kind() && other.remindOn().isAfter(reminder.remindOn()))
                .noneMatch(later -> !later.remindAt().isAfter(now));
    }

    /** The first of {@code reminders} still to come after {@code today}. */
    public static Optional<PlannedReminder> next(Stream<PlannedReminder> reminders, LocalDate today) {
        return reminders.filter(reminder -> reminder.remindOn().isAfter(today))
                .min(Comparator.comparing(PlannedReminder::remindOn).thenComparing(PlannedReminder::subject));
    }

    private static PlannedReminder ahead(ReminderKind kind, String subject, LocalDate date, int daysBefore) {
        return new PlannedReminder(kind, subject, date, daysBefore, date.minusDays(daysBefore));
    }
}
