package com.contractledger.query.summary;

import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.query.common.NextReminder;

import java.time.ZoneOffset;

import java.time.Instant;
import java.time.LocalDate;

import java.time.Clock;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummariesQuery;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummaryQuery;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

class ContractSummaryProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ReadModelChangeLog changes = mongo.changeLog();
    private final ContractSummaryProjection projection = new ContractSummaryProjection(mongo.template(), changes,
            mongo.generations(), Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC),
            ReminderPolicy.DEFAULT);
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private ContractSummaryView summary(String contractId) {
        return projection.handle(new FindContractSummaryQuery(contractId)).orElseThrow();
    }

    @Test
    void figures_follow_signing_amendment_delivery_payment_breach_and_dispute() {
        projection.on(drafted("ct-1", "sup-001"), events.of("ct-1", drafted("ct-1", "sup-001")));
        projection.on(signed("ct-1"), events.of("ct-1", signed("ct-1")));
        projection.on(amendedPrice("ct-1"), events.of("ct-1", amendedPrice("ct-1")));
        var delivery = delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false);
        projection.on(delivery, events.of("ct-1", delivery));
        var payment = paid("ct-1", "pay-1", "4930.00", "2027-01-10", "4930.00");
        projection.on(payment, events.of("ct-1", payment));
        var breach = breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00");
        projection.on(breach, events.of("ct-1", breach));
        projection.on(disputeOpened("ct-1", "dp-1"), events.of("ct-1", disputeOpened("ct-1", "dp-1")));

        ContractSummaryView view = summary("ct-1");
        assertThat(view.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.supplierId()).isEqualTo("sup-001");
        assertThat(view.ordered()).isEqualTo(new Amount("9000.00", "CNY"));
        assertThat(view.delivered()).isEqualTo(new Amount("5400.00", "CNY"));
        assertThat(view.accepted()).isEqualTo(new Amount("5220.00", "CNY"));
        assertThat(view.paid()).isEqualTo(new Amount("4930.00", "CNY"));
        assertThat(view.breaches()).isEqualTo(1);
        assertThat(view.totalPenalties()).isEqualTo(new Amount("81.00", "CNY"));
        assertThat(view.openDisputes()).isEqualTo(1);
        assertThat(view.nextMilestone().milestoneId()).isEqualTo("d1");
        assertThat(view.signedOn()).hasToString("2026-11-25");

        projection.on(disputeResolved("ct-1", "dp-1"), events.of("ct-1", disputeResolved("ct-1", "dp-1")));
        var rest = delivered("ct-1", "dl-2", "2026-12-20", 4000, 4000, 5, "3600.00", true);
        projection.on(rest, events.of("ct-1", rest));
        assertThat(summary("ct-1").openDisputes()).isZero();
        assertThat(summary("ct-1").nextMilestone().kind()).isEqualTo(MilestoneKind.PAYMENT);
    }

    @Test
    void the_next_reminder_is_the_first_still_ahead_of_an_unmet_milestone_or_of_an_active_contracts_expiry() {
        projection.on(drafted("ct-1", "sup-001"), events.of("ct-1", drafted("ct-1", "sup-001")));
        // on 2026-11-25: d1 is due 2026-12-15, so its 7-day reminder on 12-08 comes first
        assertThat(summary("ct-1").nextReminder()).isEqualTo(new NextReminder("ContractMilestoneApproaching",
                LocalDate.parse("2026-12-08"), "d1", LocalDate.parse("2026-12-15"), 7));
        var delivery = delivered("ct-1", "dl-1", "2026-11-24", 10000, 10000, 0, "8500.00", true);
        projection.on(delivery, events.of("ct-1", delivery));
        var payment = paid("ct-1", "pay-1", "8500.00", "2026-11-24", "8500.00", "p1");
        projection.on(payment, events.of("ct-1", payment));
        assertThat(summary("ct-1").nextReminder()).as("a draft has no expiry reminders").isNull();

        projection.on(signed("ct-1"), events.of("ct-1", signed("ct-1")));
        assertThat(summary("ct-1").nextReminder().event()).isEqualTo("ContractExpiryApproaching");
    }

    @Test
    void instalments_are_met_as_the_payment_and_amendment_events_say() {
        var draft = draftedWithSameDayInstalments("ct-1");
        projection.on(draft, events.of("ct-1", draft));
        var payment = paid("ct-1", "pay-1", "4500.00", "2027-01-10", "4500.00", "p1a");
        projection.on(payment, events.of("ct-1", payment));
        assertThat(paymentsMet("ct-1")).containsExactly("p1b false", "p1a true");

        var raised = amendedInstalments("ct-1", "3000.00", "5000.00");
        projection.on(raised, events.of("ct-1", raised));
        assertThat(paymentsMet("ct-1")).containsExactly("p1b false", "p1a false");
    }

    private List<String> paymentsMet(String contractId) {
        return summary(contractId).milestones().stream().filter(m -> m.kind() == MilestoneKind.PAYMENT)
                .map(m -> m.milestoneId() + " " + m.met()).toList();
    }

    @Test
    void a_redelivered_or_replayed_event_changes_nothing() {
        List<ReadModelChangeLog.Change> published = new ArrayList<>();
        changes.subscribe(published::add);
        var draft = drafted("ct-1", "sup-001");
        TrackedEventMessage<?> drafting = events.of("ct-1", draft);
        projection.on(draft, drafting);
        var delivery = delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5100.00", false);
        TrackedEventMessage<?> message = events.of("ct-1", delivery);
        projection.on(delivery, message);
        ContractSummaryView once = summary("ct-1");

        projection.on(delivery, message);
        projection.on(delivery, Events.replayed(message));
        projection.on(draft, drafting);

        assertThat(summary("ct-1")).isEqualTo(once);
        assertThat(published).hasSize(2);
    }

    @Test
    void lists_filter_by_supplier_and_status_and_page() {
        for (int i = 0; i < 5; i++) {
            String id = "ct-" + i;
            var draft = drafted(id, i % 2 == 0 ? "sup-001" : "sup-002");
            projection.on(draft, events.of(id, draft));
        }
        projection.on(signed("ct-2"), events.of("ct-2", signed("ct-2")));

        var page = projection.handle(new FindContractSummariesQuery("sup-001", null, 0, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(ContractSummaryView::id).containsExactly("ct-0", "ct-2");
        var active = projection.handle(new FindContractSummariesQuery(null, ContractStatus.ACTIVE, 0, 20));
        assertThat(active.items()).extracting(ContractSummaryView::id).containsExactly("ct-2");
    }

    @Test
    void a_change_lost_in_a_crash_after_the_view_write_is_recorded_when_the_event_is_redelivered() {
        var crashOnce = new AtomicBoolean(true);
        var log = new ReadModelChangeLog(mongo.template(), new ObjectMapper().findAndRegisterModules()) {
            @Override
            public void record(EventContext context, String stream, String key, Object view) {
                if (crashOnce.getAndSet(false)) {
                    throw new IllegalStateException("crash between the view write and the change");
                }
                super.record(context, stream, key, view);
            }
        };
        var crashing = new ContractSummaryProjection(mongo.template(), log, mongo.generations(), Clock.systemUTC(),
                ReminderPolicy.DEFAULT);
        var draft = drafted("ct-1", "sup-001");
        TrackedEventMessage<?> drafting = events.of("ct-1", draft);
        try {
            crashing.on(draft, drafting);
        } catch (IllegalStateException crash) {
            // the processor would retry the event after a restart
        }
        crashing.on(draft, drafting);
        crashing.on(draft, drafting);

        assertThat(log.after(ContractSummaryProjection.STREAM, "ct-1", 0, 10)).singleElement()
                .satisfies(change -> assertThat(change.eventId()).isEqualTo(drafting.getIdentifier()));
    }
}
