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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Dispute timelines: per dispute a {@link DisputeTimeline} with its stage and status, and every step, with its actor,
 * as a {@link DisputeTimelineEntry} of its own. An event's entry is written before the timeline that counts it, so a
 * crash in between leaves an entry a redelivery writes again under the same key, and nothing counted that is missing.
 */
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
        for (String collection : generations.inUse(PROCESSING_GROUP, DisputeTimeline.COLLECTION)) {
            var indexes = mongo.indexOps(collection);
            indexes.ensureIndex(new Index().on("contractId", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC));
            indexes.ensureIndex(new Index().on("status", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC));
        }
    }

    /** A replay builds a new generation of the timelines while the API keeps serving the complete one. */
    @ResetHandler
    public void reset() {
        generations.startBuilding(PROCESSING_GROUP,
                List.of(DisputeTimeline.COLLECTION, DisputeTimelineEntry.COLLECTION));
        createIndexes();
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        String contractId = event.contractId().value();
        var opened = new DisputeEntry(context.occurredAt(), Kind.OPENED, event.stage(), context.actor(),
                event.description(), List.of());
        String id = DisputeTimeline.idOf(contractId, event.disputeId());
        DisputeTimeline stored = mongo.findById(id, DisputeTimeline.class, writing(DisputeTimeline.COLLECTION));
        add(context, stored != null ? stored : new DisputeTimeline(id, contractId, event.disputeId(),
                event.breachId(), event.category(), event.recommendedTrack(), event.stage(),
                DisputeTimelineView.Status.OPEN, context.occurredAt(), null, null, Amount.of(event.claimAmount()),
                null, null, 0, -1, context.position()), opened, added -> added);
    }

    @EventHandler
    public void on(DisputeEscalatedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(context, event.contractId().value(), event.disputeId(), timeline -> new DisputeEntry(
                context.occurredAt(), Kind.ESCALATED, event.to(), context.actor(), event.reason(), List.of()),
                added -> added);
    }

    @EventHandler
    public void on(DisputeNoteAddedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(context, event.contractId().value(), event.disputeId(), timeline -> new DisputeEntry(
                context.occurredAt(), Kind.NOTE, timeline.stage(), context.actor(), event.text(),
                event.evidenceRefs() == null ? List.of() : event.evidenceRefs()), added -> added);
    }

    @EventHandler
    public void on(DisputeResolvedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(context, event.contractId().value(), event.disputeId(), timeline -> new DisputeEntry(
                        context.occurredAt(), Kind.RESOLVED, event.stage(), context.actor(),
                        event.outcome() + ": " + event.summary(), List.of()),
                added -> added.resolved(event.outcome(), Amount.of(event.settlementAmount()), event.summary(),
                        context.occurredAt()));
    }

    @QueryHandler
    public ContractDisputes handle(FindContractDisputesQuery query) {
        return new ContractDisputes(query.contractId(), withEntries(mongo.find(
                Query.query(where("contractId").is(query.contractId())).with(Sort.by("openedAt", "_id")),
                DisputeTimeline.class, serving(DisputeTimeline.COLLECTION))));
    }

    @QueryHandler
    public DisputeTimelinePage handle(FindDisputesQuery query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        String collection = serving(DisputeTimeline.COLLECTION);
        long total = mongo.count(filter, DisputeTimeline.class, collection);
        Paging paging = new Paging(query.page(), query.size());
        List<DisputeTimelineView> items = withEntries(mongo.find(paging.apply(filter, Sort.by("openedAt", "_id")),
                DisputeTimeline.class, collection));
        return new DisputeTimelinePage(items, query.page(), query.size(), total);
    }

    /** The entries of all {@code timelines} in one lookup by key, which any MongoDB answers from its primary index. */
    private List<DisputeTimelineView> withEntries(List<DisputeTimeline> timelines) {
        List<String> keys = new ArrayList<>();
        timelines.forEach(timeline -> IntStream.range(0, timeline.entryCount())
                .forEach(index -> keys.add(DisputeTimelineEntry.idOf(timeline.id(), index))));
        Map<String, List<DisputeTimelineEntry>> entries = keys.isEmpty() ? Map.of()
                : mongo.find(Query.query(where("_id").in(keys)), DisputeTimelineEntry.class,
                        serving(DisputeTimelineEntry.COLLECTION)).stream()
                .collect(Collectors.groupingBy(DisputeTimelineEntry::timelineId));
        Instant now = clock.instant();
        return timelines.stream().map(timeline -> DisputeTimelineView.of(timeline,
                entries.getOrDefault(timeline.id(), List.of()).stream()
                        .sorted(Comparator.comparingInt(DisputeTimelineEntry::index))
                        .map(DisputeTimelineEntry::entry).toList(), now)).toList();
    }

    private void update(EventContext context, String contractId, String disputeId,
                        Function<DisputeTimeline, DisputeEntry> entry, UnaryOperator<DisputeTimeline> then) {
        DisputeTimeline current = mongo.findById(DisputeTimeline.idOf(contractId, disputeId), DisputeTimeline.class,
                writing(DisputeTimeline.COLLECTION));
        if (current != null) {
            add(context, current, entry.apply(current), then);
        }
    }

    /**
     * Appends {@code entry} to {@code timeline} unless the stored timeline already counts this event. A redelivered
     * event whose timeline was stored before a crash, while its change was not, records the change now.
     */
    private void add(EventContext context, DisputeTimeline timeline, DisputeEntry entry,
                     UnaryOperator<DisputeTimeline> then) {
        if (timeline.lastSequence() >= context.sequence()) {
            if (timeline.lastSequence() == context.sequence()) {
                changes.recordOnce(context, STREAM, timeline.id(), changeOf(timeline, entry));
            }
            return;
        }
        GuardedWrites.insertOnce(mongo, writing(DisputeTimelineEntry.COLLECTION), new DisputeTimelineEntry(
                DisputeTimelineEntry.idOf(timeline.id(), timeline.entryCount()), timeline.id(), timeline.entryCount(),
                entry));
        DisputeTimeline added = then.apply(timeline.with(entry, context));
        // A timeline read from the store was found older than the event above; a new one is inserted once.
        boolean written = timeline.lastSequence() >= 0
                ? GuardedWrites.replaceRead(mongo, writing(DisputeTimeline.COLLECTION), added.id(), added)
                : GuardedWrites.insertOnce(mongo, writing(DisputeTimeline.COLLECTION), added);
        if (written) {
            changes.record(context, STREAM, added.id(), changeOf(added, entry));
        }
    }

    private DisputeTimelineChange changeOf(DisputeTimeline timeline, DisputeEntry latest) {
        return new DisputeTimelineChange(timeline, timeline.daysOpen(clock.instant()), latest);
    }

    private String serving(String collection) {
        return generations.read(PROCESSING_GROUP, collection);
    }

    private String writing(String collection) {
        return generations.write(PROCESSING_GROUP, collection);
    }
}
