package com.contractledger.query.dispute;

import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.GuardedWrites;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.dispute.DisputeEntry.Kind;
import com.contractledger.query.dispute.DisputeQueries.FindContractDisputesQuery;
import com.contractledger.query.dispute.DisputeQueries.FindDisputesQuery;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Dispute timelines: one document per dispute, its stage, status and every step with its actor. */
@Component
@ProcessingGroup(DisputeTimelineProjection.PROCESSING_GROUP)
public class DisputeTimelineProjection {

    public static final String PROCESSING_GROUP = "dispute-timelines";
    public static final String STREAM = "disputes";

    private final MongoTemplate mongo;
    private final ReadModelChangeLog changes;
    private final ReadModelGenerations generations;
    private final Clock clock;

    @Autowired
    public DisputeTimelineProjection(MongoTemplate mongo, ReadModelChangeLog changes,
                                     ReadModelGenerations generations) {
        this(mongo, changes, generations, Clock.systemUTC());
    }

    public DisputeTimelineProjection(MongoTemplate mongo, ReadModelChangeLog changes,
                                     ReadModelGenerations generations, Clock clock) {
        this.mongo = mongo;
        this.changes = changes;
        this.generations = generations;
        this.clock = clock;
    }

    @PostConstruct
    public void createIndexes() {
        for (String collection : generations.inUse(PROCESSING_GROUP, DisputeTimelineView.COLLECTION)) {
            var indexes = mongo.indexOps(collection);
            indexes.ensureIndex(new Index().on("contractId", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC));
            indexes.ensureIndex(new Index().on("status", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC));
        }
    }

    /** A replay builds a new generation of the timelines while the API keeps serving the complete one. */
    @ResetHandler
    public void reset() {
        generations.startBuilding(PROCESSING_GROUP, List.of(DisputeTimelineView.COLLECTION));
        createIndexes();
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        String contractId = event.contractId().value();
        var opened = new DisputeEntry(context.occurredAt(), Kind.OPENED, event.stage(), context.actor(),
                event.description(), List.of());
        store(context, new DisputeTimelineView(DisputeTimelineView.idOf(contractId, event.disputeId()), contractId,
                event.disputeId(), event.breachId(), event.category(), event.recommendedTrack(), event.stage(),
                DisputeTimelineView.Status.OPEN, context.occurredAt(), null, 0, null, Amount.of(event.claimAmount()),
                null, null, List.of(opened), context.sequence(), context.position()));
    }

    @EventHandler
    public void on(DisputeEscalatedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(context, event.contractId().value(), event.disputeId(), view -> view.with(new DisputeEntry(
                context.occurredAt(), Kind.ESCALATED, event.to(), context.actor(), event.reason(), List.of()), context));
    }

    @EventHandler
    public void on(DisputeNoteAddedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(context, event.contractId().value(), event.disputeId(), view -> view.with(new DisputeEntry(
                context.occurredAt(), Kind.NOTE, view.stage(), context.actor(), event.text(),
                event.evidenceRefs() == null ? List.of() : event.evidenceRefs()), context));
    }

    @EventHandler
    public void on(DisputeResolvedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(context, event.contractId().value(), event.disputeId(), view -> view
                .with(new DisputeEntry(context.occurredAt(), Kind.RESOLVED, event.stage(), context.actor(),
                        event.outcome() + ": " + event.summary(), List.of()), context)
                .resolved(event.outcome(), Amount.of(event.settlementAmount()), event.summary(), context.occurredAt()));
    }

    @QueryHandler
    public List<DisputeTimelineView> handle(FindContractDisputesQuery query) {
        return mongo.find(Query.query(where("contractId").is(query.contractId())).with(Sort.by("openedAt", "_id")),
                DisputeTimelineView.class, serving()).stream().map(view -> view.asOf(clock.instant())).toList();
    }

    @QueryHandler
    public DisputeTimelinePage handle(FindDisputesQuery query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        long total = mongo.count(filter, DisputeTimelineView.class, serving());
        Paging paging = new Paging(query.page(), query.size());
        List<DisputeTimelineView> items = mongo.find(paging.apply(filter, Sort.by("openedAt", "_id")),
                DisputeTimelineView.class, serving()).stream().map(view -> view.asOf(clock.instant())).toList();
        return new DisputeTimelinePage(items, query.page(), query.size(), total);
    }

    private void update(EventContext context, String contractId, String disputeId,
                        UnaryOperator<DisputeTimelineView> change) {
        DisputeTimelineView current = mongo.findById(DisputeTimelineView.idOf(contractId, disputeId),
                DisputeTimelineView.class, writing());
        if (current == null || current.lastSequence() >= context.sequence()) {
            if (current != null && current.lastSequence() == context.sequence()) {
                changes.recordOnce(context, STREAM, current.id(), current.asOf(clock.instant()));
            }
            return;
        }
        store(context, change.apply(current));
    }

    private void store(EventContext context, DisputeTimelineView view) {
        if (GuardedWrites.replaceIfNewer(mongo, writing(), view.id(), context.sequence(), view)) {
            changes.record(context, STREAM, view.id(), view.asOf(clock.instant()));
        } else if (!context.replay()) {
            DisputeTimelineView stored = mongo.findById(view.id(), DisputeTimelineView.class, writing());
            if (stored != null && stored.lastSequence() == context.sequence()) {
                changes.recordOnce(context, STREAM, stored.id(), stored.asOf(clock.instant()));
            }
        }
    }

    private String serving() {
        return generations.read(PROCESSING_GROUP, DisputeTimelineView.COLLECTION);
    }

    private String writing() {
        return generations.write(PROCESSING_GROUP, DisputeTimelineView.COLLECTION);
    }
}
