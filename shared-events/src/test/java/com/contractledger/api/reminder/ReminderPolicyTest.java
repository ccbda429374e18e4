package com.contractledger.api.reminder;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderPolicyTest {

    private static final LocalDate DUE = LocalDate.parse("2026-12-15");

    @Test
    void a_milestone_is_reminded_of_7_and_1_days_ahead_at_the_start_of_the_day() {
        List<PlannedReminder> reminders = ReminderPolicy.DEFAULT.forMilestone("d1", DUE);

        assertThat(reminders).extracting(PlannedReminder::daysBefore).containsExactly(7, 1);
        assertThat(reminders).extracting(PlannedReminder::remindAt)
                .containsExactly(Instant.parse("2026-12-08T00:00:00Z"), Instant.parse("2026-12-14T00:00:00Z"));
    }

    @Test
    void a_reminder_raised_late_is_dropped_once_a_later_one_is_due_or_its_date_has_passed() {
        List<PlannedReminder> reminders = ReminderPolicy.DEFAULT.forMilestone("d1", DUE);
        PlannedReminder weekAhead = reminders.get(0);
        PlannedReminder dayAhead = reminders.get(1);

        assertThat(ReminderPolicy.isDue(weekAhead, reminders, Instant.parse("2026-12-13T23:59:59Z"))).isTrue();
        assertThat(ReminderPolicy.isDue(weekAhead, reminders, Instant.parse("2026-12-14T00:00:00Z"))).isFalse();
        assertThat(ReminderPolicy.isDue(dayAhead, reminders, Instant.parse("2026-12-15T23:59:59Z"))).isTrue();
        assertThat(ReminderPolicy.isDue(dayAhead, reminders, Instant.parse("2026-12-16T00:00:00Z"))).isFalse();
    }

    @Test
    void the_renewal_notice_falls_on_the_last_day_to_decide_and_stays_due_that_day_only() {
        List<PlannedReminder> reminders = ReminderPolicy.DEFAULT.forExpiry(LocalDate.parse("2027-11-30"), 60);

        assertThat(reminders).extracting(PlannedReminder::kind, PlannedReminder::remindOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReminderKind.RENEWAL_NOTICE_DUE, LocalDate.parse("2027-10-01")),
                org.assertj.core.groups.Tuple.tuple(ReminderKind.EXPIRY_APPROACHING, LocalDate.parse("2027-10-31")));
        PlannedReminder notice = reminders.get(0);
        assertThat(ReminderPolicy.isDue(notice, reminders, Instant.parse("2027-10-01T23:00:00Z"))).isTrue();
        assertThat(ReminderPolicy.isDue(notice, reminders, Instant.parse("2027-10-02T00:00:00Z"))).isFalse();
    }

    @Test
    void an_expired_certification_is_announced_whenever_the_deadline_fires() {
        List<PlannedReminder> reminders = ReminderPolicy.DEFAULT.forCertification("ISO 9001", LocalDate.parse("2027-03-31"));

        assertThat(reminders).extracting(PlannedReminder::remindOn)
                .containsExactly(LocalDate.parse("2027-01-30"), LocalDate.parse("2027-04-01"));
        assertThat(ReminderPolicy.isDue(reminders.get(0), reminders, Instant.parse("2027-04-01T00:00:00Z"))).isFalse();
        assertThat(ReminderPolicy.isDue(reminders.get(1), reminders, Instant.parse("2028-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void the_next_reminder_is_the_first_after_today() {
        Stream<PlannedReminder> reminders = Stream.concat(ReminderPolicy.DEFAULT.forMilestone("d1", DUE).stream(),
                ReminderPolicy.DEFAULT.forMilestone("p1", LocalDate.parse("2026-12-20")).stream());

        assertThat(ReminderPolicy.next(reminders, LocalDate.parse("2026-12-08")))
                .map(reminder -> reminder.subject() + "@" + reminder.remindOn()).contains("p1@2026-12-13");
    }

    @Test
    void the_policy_is_configurable_and_refuses_reminders_on_or_after_the_day() {
        ReminderPolicy policy = new ReminderPolicy(List.of(1, 14, 3), null, null);

        assertThat(policy.milestoneDaysBefore()).containsExactly(14, 3, 1);
        assertThat(policy.expiryDaysBefore()).isEqualTo(30);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(0), 30, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
