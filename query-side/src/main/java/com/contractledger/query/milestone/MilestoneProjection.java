package com.contractledger.query.milestone;

import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.api.supplier.SupplierCertificationExpiredEvent;
import com.contractledger.api.supplier.SupplierCertificationExpiringEvent;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.milestone.MilestoneView.Status;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every delivery milestone and payment instalment with its due date and status, and every reminder the system raised
 * ahead of a date (of milestones, a contract's renewal notice and expiry, suppliers' certifications). Amendments and
 * renewals move due dates, add milestones and drop those no longer in the terms (unless already met). Termination,
 * expiry and completion close the milestones still unmet.
 */
@Component
@ProcessingGroup(MilestoneProjection.PROCESSING_GROUP)
public class MilestoneProjection extends Projection {

    public static final String PROCESSING_GROUP = "milestones";
    public static final String STREAM = "milestones";
    public static final String REMINDER_STREAM = "reminders";

    private final Views<MilestonePlan> plans;
    private final Views<MilestoneView> milestones;
    private final Views<ReminderView> reminders;
    private final Clock clock;
    private final ReminderPolicy reminderPolicy;

    /**
     * {@code clock}: the application's one clock (LedgerClock), which decides what "today" is; {@code reminderPolicy}:
     * how far ahead of a due date the write side reminds, to show the next reminder.
     */
    @Autowired
    public MilestoneProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations,
                               Clock clock, ReminderPolicy reminderPolicy) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, changes));
        this.clock = clock;
        this.reminderPolicy = reminderPolicy;
        plans = readModel.views(MilestonePlan.COLLECTION, MilestonePlan.class, MilestonePlan::contractId);
        milestones = readModel.views(MilestoneView.COLLECTION, MilestoneView.class, MilestoneView::id)
                .index(new Index().on("status", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC))
                .index(new Index().on("dueOn", Sort.Direction.ASC))
                .index(new Index().on("contractId", Sort.Direction.ASC))
                .lookingUp(message -> planOf(EventContext.of(message).aggregateId()).stream())
                .streamedAs(STREAM, milestone -> milestone.asOf(LocalDate.now(clock), reminderPolicy));
        reminders = readModel.views(ReminderView.COLLECTION, ReminderView.class, ReminderView::id)
                .index(new Index().on("remindedAt", Sort.Direction.DESC))
                .index(new Index().on("aggregateId", Sort.Direction.ASC))
                .streamedAs(REMINDER_STREAM, reminder -> reminder);
    }

    @EventHandler
    public void on(ContractDraftedEvent event, EventMessage<?> message) {
        schedule(message, event.supplierId().value(), event.currency().getCurrencyCode(), event.terms(), List.of(),
                List.of());
    }

    @EventHandler
    public void on(ContractAmendedEvent event, EventMessage<?> message) {
        reschedule(message, event.terms(), event.coveredInstalments());
    }

    @EventHandler
    public void on(ContractRenewedEvent event, EventMessage<?> message) {
        reschedule(message, event.terms(), event.coveredInstalments());
    }

    @EventHandler
    public void on(ContractDeliveredEvent event, EventMessage<?> message) {
        if (!event.milestoneMet()) {
            return;
        }
        EventContext context = EventContext.of(message);
        milestones.update(message, MilestoneView.idOf(context.aggregateId(), MilestoneKind.DELIVERY,
                event.milestoneId()), milestone -> milestone.with(milestone.dueOn(), milestone.amount(), Status.MET,
                event.deliveredOn(), milestone.overdueSince(), context.sequence(), context.position()));
    }

    @EventHandler
    public void on(ContractPaymentRecordedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        for (String instalment : event.coveredInstalments()) {
            milestones.update(message, MilestoneView.idOf(context.aggregateId(), MilestoneKind.PAYMENT, instalment),
                    milestone -> milestone.status() != Status.MET
                            ? milestone.with(milestone.dueOn(), milestone.amount(), Status.MET, event.paidOn(),
                            milestone.overdueSince(), context.sequence(), context.position())
                            : milestone);
        }
    }

    @EventHandler
    public void on(ContractMilestoneOverdueEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        milestones.update(message, MilestoneView.idOf(context.aggregateId(), event.kind(), event.milestoneId()),
                milestone -> milestone.status() != Status.MET && milestone.status() != Status.CLOSED
                        ? milestone.with(milestone.dueOn(), milestone.amount(), Status.OVERDUE, null,
                        event.overdueSince(), context.sequence(), context.position())
                        : milestone);
    }

    @EventHandler
    public void on(ContractMilestoneApproachingEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        milestones.update(message, MilestoneView.idOf(context.aggregateId(), event.kind(), event.milestoneId()),
                milestone -> milestone.dueOn().equals(event.dueOn())
                        ? milestone.reminded(new MilestoneView.Reminded(event.daysBefore(), context.occurredAt()),
                        context.sequence(), context.position())
                        : milestone);
        remind(message, ReminderKind.MILESTONE_APPROACHING, "Contract", event.milestoneId(), event.kind(),
                event.dueOn(), event.daysBefore());
    }

    @EventHandler
    public void on(ContractRenewalNoticeDueEvent event, EventMessage<?> message) {
        remind(message, ReminderKind.RENEWAL_NOTICE_DUE, "Contract", "", null, event.expiresOn(),
                event.renewalNoticeDays());
    }

    @EventHandler
    public void on(ContractExpiryApproachingEvent event, EventMessage<?> message) {
        remind(message, ReminderKind.EXPIRY_APPROACHING, "Contract", "", null, event.expiresOn(), event.daysBefore());
    }

    @EventHandler
    public void on(SupplierCertificationExpiringEvent event, EventMessage<?> message) {
        remind(message, ReminderKind.CERTIFICATION_EXPIRING, "Supplier", event.name(), null, event.validUntil(),
                event.daysBefore());
    }

    @EventHandler
    public void on(SupplierCertificationExpiredEvent event, EventMessage<?> message) {
        remind(message, ReminderKind.CERTIFICATION_EXPIRED, "Supplier", event.name(), null, event.validUntil(), 0);
    }

    @EventHandler
    public void on(ContractTerminatedEvent event, EventMessage<?> message) {
        close(message, ContractStatus.TERMINATED);
    }

    @EventHandler
    public void on(ContractExpiredEvent event, EventMessage<?> message) {
        close(message, ContractStatus.EXPIRED);
    }

    @EventHandler
    public void on(ContractCompletedEvent event, EventMessage<?> message) {
        close(message, ContractStatus.COMPLETED);
    }

    @QueryHandler
    public MilestonePage handle(FindMilestonesQuery query) {
        LocalDate today = LocalDate.now(clock);
        List<Criteria> criteria = new ArrayList<>();
        if (query.status() == Status.MET || query.status() == Status.CLOSED) {
            criteria.add(where("status").is(query.status()));
        } else if (query.status() == Status.OVERDUE) {
            criteria.add(new Criteria().orOperator(where("status").is(Status.OVERDUE),
                    where("status").is(Status.UPCOMING).and("dueOn").lt(today)));
        } else if (query.status() == Status.UPCOMING) {
            criteria.add(where("status").is(Status.UPCOMING).and("dueOn").gte(today));
        }
        if (query.dueBefore() != null) {
            criteria.add(where("dueOn").lt(query.dueBefore()));
        }
        Query filter = matching(criteria);
        long total = milestones.count(filter);
        Paging paging = new Paging(query.page(), query.size());
        List<MilestoneView> items = milestones.find(paging.apply(filter, Sort.by("dueOn", "_id"))).stream()
                .map(milestone -> milestone.asOf(today, reminderPolicy)).toList();
        return new MilestonePage(items, query.page(), query.size(), total);
    }

    @QueryHandler
    public ReminderPage handle(FindRemindersQuery query) {
        List<Criteria> criteria = new ArrayList<>();
        if (query.kind() != null) {
            criteria.add(where("kind").is(query.kind()));
        }
        if (query.aggregateId() != null) {
            criteria.add(where("aggregateId").is(query.aggregateId()));
        }
        if (query.since() != null) {
            criteria.add(where("remindedAt").gte(query.since()));
        }
        Query filter = matching(criteria);
        long total = reminders.count(filter);
        Paging paging = new Paging(query.page(), query.size());
        List<ReminderView> items = reminders.find(paging.apply(filter,
                Sort.by(Sort.Direction.DESC, "remindedAt").and(Sort.by(Sort.Direction.DESC, "_id"))));
        return new ReminderPage(items, query.page(), query.size(), total);
    }

    private static Query matching(List<Criteria> criteria) {
        return criteria.isEmpty() ? new Query()
                : Query.query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
    }

    private void remind(EventMessage<?> message, ReminderKind kind, String aggregateType, String subject,
                        MilestoneKind milestoneKind, LocalDate date, int daysBefore) {
        EventContext context = EventContext.of(message);
        reminders.put(message, new ReminderView(ReminderView.idOf(context.aggregateId(), context.sequence()),
                kind, aggregateType, context.aggregateId(), subject, milestoneKind, date, daysBefore,
                context.occurredAt(), context.sequence(), context.position()));
    }

    private void close(EventMessage<?> message, ContractStatus contractStatus) {
        EventContext context = EventContext.of(message);
        for (MilestoneView open : milestonesOf(context.aggregateId())) {
            milestones.update(message, open.id(), milestone -> milestone.status() != Status.MET
                    && milestone.status() != Status.CLOSED
                    ? milestone.closed(contractStatus, context.sequence(), context.position())
                    : milestone);
        }
    }

    private List<String> planOf(String contractId) {
        return plans.find(contractId).map(MilestonePlan::milestones).orElse(List.of());
    }

    private List<MilestoneView> milestonesOf(String contractId) {
        return milestones.findAll(planOf(contractId));
    }

    private void reschedule(EventMessage<?> message, ContractTerms terms, List<String> coveredInstalments) {
        plans.find(EventContext.of(message).aggregateId()).ifPresent(plan -> schedule(message, plan.supplierId(),
                plan.currency(), terms, milestones.findAll(plan.milestones()), coveredInstalments));
    }

    /**
     * The milestones of {@code terms}: a delivery milestone stays met once met; an instalment is met exactly when the
     * event covers it (an amendment may raise a paid instalment above what was paid), met on the event's date if not
     * before.
     */
    private void schedule(EventMessage<?> message, String supplierId, String currency, ContractTerms terms,
                          List<MilestoneView> before, List<String> coveredInstalments) {
        EventContext context = EventContext.of(message);
        Map<String, MilestoneView> existing = before.stream()
                .collect(Collectors.toMap(MilestoneView::id, Function.identity()));
        List<MilestoneView> planned = new ArrayList<>();
        String contractId = context.aggregateId();
        if (terms.deliveries() != null) {
            terms.deliveries().forEach(delivery -> planned.add(new MilestoneView(
                    MilestoneView.idOf(contractId, MilestoneKind.DELIVERY, delivery.milestoneId()), contractId,
                    supplierId, delivery.milestoneId(), MilestoneKind.DELIVERY, delivery.dueOn(), null, currency,
                    Status.UPCOMING, null, null, null, null, null, context.sequence(), context.position())));
        }
        if (terms.paymentTerms() != null && terms.paymentTerms().schedule() != null) {
            terms.paymentTerms().schedule().forEach(instalment -> planned.add(new MilestoneView(
                    MilestoneView.idOf(contractId, MilestoneKind.PAYMENT, instalment.milestoneId()), contractId,
                    supplierId, instalment.milestoneId(), MilestoneKind.PAYMENT, instalment.dueOn(),
                    instalment.amount().toPlainString(), currency, Status.UPCOMING, null, null, null, null, null,
                    context.sequence(), context.position())));
        }
        LocalDate on = LocalDate.ofInstant(context.occurredAt(), ZoneOffset.UTC);
        for (MilestoneView milestone : planned) {
            MilestoneView old = existing.getOrDefault(milestone.id(), milestone);
            boolean moved = !old.dueOn().equals(milestone.dueOn()) || !Objects.equals(old.amount(), milestone.amount());
            boolean met = milestone.kind() == MilestoneKind.PAYMENT
                    ? coveredInstalments.contains(milestone.milestoneId()) : old.status() == Status.MET;
            // A moved or no longer met milestone gets a fresh start; the calendar rule re-derives overdue.
            Status status = met ? Status.MET : moved || old.status() == Status.MET ? Status.UPCOMING : old.status();
            if (old == milestone || moved || status != old.status()) {
                milestones.put(message, old.with(milestone.dueOn(), milestone.amount(), status,
                        met ? Objects.requireNonNullElse(old.metOn(), on) : null,
                        status == Status.UPCOMING ? null : old.overdueSince(), context.sequence(), context.position()));
            }
        }
        List<String> kept = new ArrayList<>(planned.stream().map(MilestoneView::id).toList());
        for (MilestoneView old : before) {
            if (kept.contains(old.id())) {
                continue;
            }
            if (old.status() == Status.MET) {
                kept.add(old.id());
            } else {
                milestones.remove(message, old.id());
            }
        }
        plans.put(message, new MilestonePlan(contractId, supplierId, currency, kept));
    }
}
