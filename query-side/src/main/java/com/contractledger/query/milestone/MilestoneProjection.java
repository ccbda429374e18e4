package com.contractledger.query.milestone;

import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.GuardedWrites;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.common.TermsFigures;
import com.contractledger.query.milestone.MilestoneView.Status;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every delivery milestone and payment instalment with its due date and status. Amendments and renewals move due
 * dates, add milestones and drop those no longer in the terms (unless already met). Termination, expiry and
 * completion close the milestones still unmet.
 */
@Component
@ProcessingGroup(MilestoneProjection.PROCESSING_GROUP)
public class MilestoneProjection {

    public static final String PROCESSING_GROUP = "milestones";
    public static final String STREAM = "milestones";

    private final MongoTemplate mongo;
    private final ReadModelChangeLog changes;
    private final ReadModelGenerations generations;
    private final Clock clock;

    @Autowired
    public MilestoneProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations) {
        this(mongo, changes, generations, Clock.systemUTC());
    }

    public MilestoneProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations,
                               Clock clock) {
        this.mongo = mongo;
        this.changes = changes;
        this.generations = generations;
        this.clock = clock;
    }

    @PostConstruct
    public void createIndexes() {
        for (String collection : generations.inUse(PROCESSING_GROUP, MilestoneView.COLLECTION)) {
            var indexes = mongo.indexOps(collection);
            indexes.ensureIndex(new Index().on("status", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC));
            indexes.ensureIndex(new Index().on("dueOn", Sort.Direction.ASC));
            indexes.ensureIndex(new Index().on("contractId", Sort.Direction.ASC));
        }
    }

    /** A replay builds a new generation of the milestones while the API keeps serving the complete one. */
    @ResetHandler
    public void reset() {
        generations.startBuilding(PROCESSING_GROUP, List.of(MilestoneView.COLLECTION));
        createIndexes();
    }

    @EventHandler
    public void on(ContractDraftedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        schedule(context, event.supplierId().value(), event.currency().getCurrencyCode(), event.terms(), List.of());
    }

    @EventHandler
    public void on(ContractAmendedEvent event, EventMessage<?> message) {
        reschedule(EventContext.of(message), event.terms());
    }

    @EventHandler
    public void on(ContractRenewedEvent event, EventMessage<?> message) {
        reschedule(EventContext.of(message), event.terms());
    }

    @EventHandler
    public void on(ContractDeliveredEvent event, EventMessage<?> message) {
        if (!event.milestoneMet()) {
            return;
        }
        EventContext context = EventContext.of(message);
        MilestoneView milestone = mongo.findById(MilestoneView.idOf(context.aggregateId(), MilestoneKind.DELIVERY,
                event.milestoneId()), MilestoneView.class, writing());
        if (milestone != null) {
            store(context, milestone.with(milestone.dueOn(), milestone.amount(), Status.MET, event.deliveredOn(),
                    milestone.overdueSince(), context.sequence(), context.position()));
        }
    }

    @EventHandler
    public void on(ContractPaymentRecordedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        List<MilestoneView> payments = milestonesOf(context.aggregateId()).stream()
                .filter(milestone -> milestone.kind() == MilestoneKind.PAYMENT).toList();
        Set<String> paid = TermsFigures.paidInstalments(payments.stream().map(payment -> new PaymentInstalment(
                payment.milestoneId(), payment.dueOn(), new BigDecimal(payment.amount()))).toList(),
                event.totalPaid().amount());
        for (MilestoneView payment : payments) {
            if (payment.status() != Status.MET && paid.contains(payment.milestoneId())) {
                store(context, payment.with(payment.dueOn(), payment.amount(), Status.MET, event.paidOn(),
                        payment.overdueSince(), context.sequence(), context.position()));
            } else if (!context.replay()) {
                recoverChange(context, payment);
            }
        }
    }

    @EventHandler
    public void on(ContractMilestoneOverdueEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        MilestoneView milestone = mongo.findById(MilestoneView.idOf(context.aggregateId(), event.kind(),
                event.milestoneId()), MilestoneView.class, writing());
        if (milestone != null && milestone.status() != Status.MET && milestone.status() != Status.CLOSED) {
            store(context, milestone.with(milestone.dueOn(), milestone.amount(), Status.OVERDUE, null,
                    event.overdueSince(), context.sequence(), context.position()));
        }
    }

    @EventHandler
    public void on(ContractTerminatedEvent event, EventMessage<?> message) {
        close(EventContext.of(message), ContractStatus.TERMINATED);
    }

    @EventHandler
    public void on(ContractExpiredEvent event, EventMessage<?> message) {
        close(EventContext.of(message), ContractStatus.EXPIRED);
    }

    @EventHandler
    public void on(ContractCompletedEvent event, EventMessage<?> message) {
        close(EventContext.of(message), ContractStatus.COMPLETED);
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
        Query filter = criteria.isEmpty() ? new Query()
                : Query.query(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
        long total = mongo.count(filter, MilestoneView.class, serving());
        Paging paging = new Paging(query.page(), query.size());
        List<MilestoneView> items = mongo.find(paging.apply(filter, Sort.by("dueOn", "_id")), MilestoneView.class,
                        serving())
                .stream().map(milestone -> milestone.asOf(today)).toList();
        return new MilestonePage(items, query.page(), query.size(), total);
    }

    private void close(EventContext context, ContractStatus contractStatus) {
        for (MilestoneView milestone : milestonesOf(context.aggregateId())) {
            if (milestone.status() != Status.MET && milestone.status() != Status.CLOSED) {
                store(context, milestone.closed(contractStatus, context.sequence(), context.position()));
            } else if (!context.replay()) {
                recoverChange(context, milestone);
            }
        }
    }

    private List<MilestoneView> milestonesOf(String contractId) {
        return mongo.find(Query.query(where("contractId").is(contractId)), MilestoneView.class, writing());
    }

    private void reschedule(EventContext context, ContractTerms terms) {
        List<MilestoneView> before = milestonesOf(context.aggregateId());
        if (before.isEmpty()) {
            return;
        }
        MilestoneView any = before.get(0);
        schedule(context, any.supplierId(), any.currency(), terms, before);
    }

    private void schedule(EventContext context, String supplierId, String currency, ContractTerms terms,
                          List<MilestoneView> before) {
        Map<String, MilestoneView> existing = before.stream()
                .collect(Collectors.toMap(MilestoneView::id, Function.identity()));
        List<MilestoneView> planned = new ArrayList<>();
        String contractId = context.aggregateId();
        if (terms.deliveries() != null) {
            terms.deliveries().forEach(delivery -> planned.add(new MilestoneView(
                    MilestoneView.idOf(contractId, MilestoneKind.DELIVERY, delivery.milestoneId()), contractId,
                    supplierId, delivery.milestoneId(), MilestoneKind.DELIVERY, delivery.dueOn(), null, currency,
                    Status.UPCOMING, null, null, null, context.sequence(), context.position())));
        }
        if (terms.paymentTerms() != null && terms.paymentTerms().schedule() != null) {
            terms.paymentTerms().schedule().forEach(instalment -> planned.add(new MilestoneView(
                    MilestoneView.idOf(contractId, MilestoneKind.PAYMENT, instalment.milestoneId()), contractId,
                    supplierId, instalment.milestoneId(), MilestoneKind.PAYMENT, instalment.dueOn(),
                    instalment.amount().toPlainString(), currency, Status.UPCOMING, null, null, null,
                    context.sequence(), context.position())));
        }
        for (MilestoneView milestone : planned) {
            MilestoneView old = existing.get(milestone.id());
            if (old == null) {
                store(context, milestone);
            } else if (!old.dueOn().equals(milestone.dueOn()) || !Objects.equals(old.amount(), milestone.amount())) {
                // A moved due date gives an unmet milestone a fresh start; the calendar rule re-derives overdue.
                Status status = old.status() == Status.MET ? Status.MET : Status.UPCOMING;
                store(context, old.with(milestone.dueOn(), milestone.amount(), status, old.metOn(),
                        status == Status.MET ? old.overdueSince() : null, context.sequence(), context.position()));
            }
        }
        Set<String> kept = planned.stream().map(MilestoneView::id).collect(Collectors.toSet());
        before.stream().filter(old -> !kept.contains(old.id()) && old.status() != Status.MET)
                .forEach(dropped -> mongo.remove(Query.query(where("_id").is(dropped.id())
                        .and(GuardedWrites.LAST_SEQUENCE).lt(context.sequence())), writing()));
    }

    private void store(EventContext context, MilestoneView milestone) {
        if (GuardedWrites.replaceIfNewer(mongo, writing(), milestone.id(), context.sequence(), milestone)) {
            changes.record(context, STREAM, milestone.id(), milestone.asOf(LocalDate.now(clock)));
        } else if (!context.replay()) {
            recoverChange(context, mongo.findById(milestone.id(), MilestoneView.class, writing()));
        }
    }

    /** A redelivered event whose write was stored before a crash records the change it may not have recorded. */
    private void recoverChange(EventContext context, MilestoneView stored) {
        if (stored != null && stored.lastSequence() == context.sequence()) {
            changes.recordOnce(context, STREAM, stored.id(), stored.asOf(LocalDate.now(clock)));
        }
    }

    private String serving() {
        return generations.read(PROCESSING_GROUP, MilestoneView.COLLECTION);
    }

    private String writing() {
        return generations.write(PROCESSING_GROUP, MilestoneView.COLLECTION);
    }
}
