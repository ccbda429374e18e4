package com.contractledger.query.milestone;

import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.api.supplier.SupplierCertificationExpiringEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.query.common.NextReminder;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.*;
import com.contractledger.query.milestone.MilestoneView.Status;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MilestoneProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private Clock clock = Clock.fixed(Instant.parse("2026-12-10T12:00:00Z"), ZoneOffset.UTC);
    private final MilestoneProjection projection = new MilestoneProjection(mongo.template(), mongo.changeLog(),
            mongo.generations(),
            new Clock() {
                public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
                public Clock withZone(java.time.ZoneId zone) { return this; }
                public Instant instant() { return clock.instant(); }
            }, ReminderPolicy.DEFAULT);
    private final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void apply(TrackedEventMessage<?> message) {
        handlers.apply(message);
    }

    private Status statusOf(String milestoneId) {
        return projection.handle(new FindMilestonesQuery(null, null, 0, 200)).items().stream()
                .filter(m -> m.milestoneId().equals(milestoneId)).findFirst().orElseThrow().status();
    }

    private List<String> ids(Status status, LocalDate dueBefore) {
        return projection.handle(new FindMilestonesQuery(status, dueBefore, 0, 200)).items().stream()
                .map(MilestoneView::milestoneId).toList();
    }

    @Test
    void milestones_go_from_upcoming_to_overdue_to_met_and_follow_moved_due_dates() {
        apply(events.of("ct-1", drafted("ct-1", "sup-001")));
        apply(events.of("ct-1", signed("ct-1")));
        assertThat(ids(Status.UPCOMING, null)).containsExactly("d1", "p1");
        assertThat(ids(null, LocalDate.parse("2027-01-01"))).containsExactly("d1");

        // d1 was due 2026-12-15; on the 16th it is overdue by the calendar even before the deadline event.
        clock = Clock.fixed(Instant.parse("2026-12-16T00:00:00Z"), ZoneOffset.UTC);
        assertThat(statusOf("d1")).isEqualTo(Status.OVERDUE);
        assertThat(ids(Status.OVERDUE, null)).containsExactly("d1");
        TrackedEventMessage<?> overdue = events.of("ct-1", new ContractMilestoneOverdueEvent(ContractId.of("ct-1"), "d1",
                MilestoneKind.DELIVERY, LocalDate.parse("2026-12-15"), Instant.parse("2026-12-16T00:00:00Z"), false));
        apply(overdue);
        assertThat(statusOf("d1")).isEqualTo(Status.OVERDUE);

        // Schedule change moves d1 to 2026-12-31 and p1 to 2027-02-15: d1 is upcoming again.
        ContractTerms moved = terms("0.85", "2026-12-31", "2027-02-15");
        apply(events.of("ct-1", new ContractAmendedEvent(ContractId.of("ct-1"), 1, AmendmentReason.SCHEDULE_CHANGE,
                "supplier capacity", List.of(new FieldChange("deliveries[d1].dueOn", "2026-12-15", "2026-12-31")), moved,
                List.of())));
        assertThat(statusOf("d1")).isEqualTo(Status.UPCOMING);
        assertThat(projection.handle(new FindMilestonesQuery(null, null, 0, 20)).items())
                .extracting(MilestoneView::dueOn)
                .containsExactly(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-02-15"));

        apply(events.of("ct-1", delivered("ct-1", "dl-1", "2026-12-20", 10000, 10000, 0, "8500.00", true)));
        apply(events.of("ct-1", paid("ct-1", "pay-1", "5000.00", "2027-01-10", "5000.00")));
        assertThat(statusOf("d1")).isEqualTo(Status.MET);
        assertThat(statusOf("p1")).isEqualTo(Status.UPCOMING);
        apply(events.of("ct-1", paid("ct-1", "pay-2", "3500.00", "2027-01-20", "8500.00", "p1")));
        assertThat(ids(Status.MET, null)).containsExactly("d1", "p1");

        // A late redelivery of the overdue event changes nothing.
        apply(overdue);
        apply(Events.replayed(overdue));
        assertThat(statusOf("d1")).isEqualTo(Status.MET);
    }

    @Test
    void an_upcoming_milestone_shows_its_next_reminder_and_the_last_one_raised_and_every_reminder_is_listed() {
        apply(events.of("ct-1", drafted("ct-1", "sup-001")));
        apply(events.of("ct-1", signed("ct-1")));
        // on 2026-12-10 the 7-day reminder of d1 (due 12-15) is behind, the 1-day one ahead
        assertThat(milestone("d1").nextReminder()).isEqualTo(new NextReminder("ContractMilestoneApproaching",
                LocalDate.parse("2026-12-14"), "d1", LocalDate.parse("2026-12-15"), 1));
        TrackedEventMessage<?> reminded = events.of("ct-1", new ContractMilestoneApproachingEvent(ContractId.of("ct-1"),
                "d1", MilestoneKind.DELIVERY, LocalDate.parse("2026-12-15"), 7));
        apply(reminded);
        apply(events.of("sup-001", new SupplierCertificationExpiringEvent(SupplierId.of("sup-001"), "ISO 9001",
                LocalDate.parse("2027-01-31"), 60)));
        apply(Events.replayed(reminded));

        assertThat(milestone("d1").lastReminder().daysBefore()).isEqualTo(7);
        assertThat(projection.handle(new FindRemindersQuery(null, null, null, 0, 20)).items())
                .extracting(ReminderView::event, ReminderView::aggregateId, ReminderView::subject)
                .containsExactlyInAnyOrder(tuple("ContractMilestoneApproaching", "ct-1", "d1"),
                        tuple("SupplierCertificationExpiring", "sup-001", "ISO 9001"));
        assertThat(projection.handle(new FindRemindersQuery(ReminderKind.CERTIFICATION_EXPIRING, null, null, 0, 20))
                .items()).extracting(ReminderView::aggregateId).containsExactly("sup-001");
        assertThat(projection.handle(new FindRemindersQuery(null, "ct-1", null, 0, 20)).total()).isEqualTo(1);

        // moved: the reminder raised was for the old date; the next is the new date's 7-day one
        apply(events.of("ct-1", new ContractAmendedEvent(ContractId.of("ct-1"), 1, AmendmentReason.SCHEDULE_CHANGE,
                "supplier capacity", List.of(), terms("0.85", "2026-12-31", "2027-01-15"), List.of())));
        assertThat(milestone("d1").lastReminder()).isNull();
        assertThat(milestone("d1").nextReminder().on()).isEqualTo(LocalDate.parse("2026-12-24"));

        apply(events.of("ct-1", delivered("ct-1", "dl-1", "2026-12-20", 10000, 10000, 0, "8500.00", true)));
        assertThat(milestone("d1").nextReminder()).isNull();
    }

    private MilestoneView milestone(String milestoneId) {
        return projection.handle(new FindMilestonesQuery(null, null, 0, 200)).items().stream()
                .filter(m -> m.milestoneId().equals(milestoneId)).findFirst().orElseThrow();
    }

    @Test
    void of_two_instalments_due_the_same_day_the_one_the_payment_covers_is_met() {
        apply(events.of("ct-1", draftedWithSameDayInstalments("ct-1")));
        apply(events.of("ct-1", signed("ct-1")));
        apply(events.of("ct-1", paid("ct-1", "pay-1", "4500.00", "2027-01-10", "4500.00", "p1a")));

        assertThat(statusOf("p1a")).isEqualTo(Status.MET);
        assertThat(statusOf("p1b")).isEqualTo(Status.UPCOMING);
    }

    @Test
    void an_amendment_that_raises_a_met_instalment_above_what_was_paid_makes_it_unmet_again() {
        apply(events.of("ct-1", draftedWithSameDayInstalments("ct-1")));
        apply(events.of("ct-1", signed("ct-1")));
        apply(events.of("ct-1", paid("ct-1", "pay-1", "4500.00", "2027-01-10", "4500.00", "p1a")));

        apply(events.of("ct-1", amendedInstalments("ct-1", "3000.00", "5000.00")));
        assertThat(statusOf("p1a")).isEqualTo(Status.UPCOMING);
        assertThat(statusOf("p1b")).isEqualTo(Status.UPCOMING);

        apply(events.of("ct-1", amendedInstalments("ct-1", "3000.00", "4000.00", "p1a")));
        MilestoneView p1a = projection.handle(new FindMilestonesQuery(Status.MET, null, 0, 20)).items().get(0);
        assertThat(p1a.milestoneId()).isEqualTo("p1a");
        assertThat(p1a.amount()).isEqualTo("4000.00");
        assertThat(p1a.metOn()).isNotNull();
    }

    @Test
    void the_end_of_a_contract_closes_its_unmet_milestones_and_keeps_them_out_of_upcoming_and_overdue() {
        apply(events.of("ct-1", drafted("ct-1", "sup-001")));
        apply(events.of("ct-1", signed("ct-1")));
        apply(events.of("ct-1", delivered("ct-1", "dl-1", "2026-12-14", 10000, 10000, 0, "8500.00", true)));
        apply(events.of("ct-2", drafted("ct-2", "sup-001")));
        apply(events.of("ct-2", signed("ct-2")));
        TrackedEventMessage<?> terminated = events.of("ct-1", new ContractTerminatedEvent(ContractId.of("ct-1"),
                "supplier exits the market", LocalDate.parse("2027-03-01")));
        apply(terminated);
        apply(events.of("ct-2", new ContractExpiredEvent(ContractId.of("ct-2"), LocalDate.parse("2027-11-30"))));

        clock = Clock.fixed(Instant.parse("2028-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(statusOf("d1")).isEqualTo(Status.MET);
        assertThat(projection.handle(new FindMilestonesQuery(Status.CLOSED, null, 0, 20)).items())
                .extracting(m -> m.contractId() + "/" + m.milestoneId() + " " + m.closedBy())
                .containsExactly("ct-2/d1 EXPIRED", "ct-1/p1 TERMINATED", "ct-2/p1 EXPIRED");
        assertThat(ids(Status.OVERDUE, null)).isEmpty();
        assertThat(ids(Status.UPCOMING, null)).isEmpty();
        assertThat(ids(Status.CLOSED, LocalDate.parse("2027-01-01"))).containsExactly("d1");

        apply(Events.replayed(terminated));
        apply(events.of("ct-1", new ContractMilestoneOverdueEvent(ContractId.of("ct-1"), "p1", MilestoneKind.PAYMENT,
                LocalDate.parse("2027-01-15"), Instant.parse("2027-01-16T00:00:00Z"), false)));
        assertThat(ids(Status.CLOSED, null)).hasSize(3);
    }
}
