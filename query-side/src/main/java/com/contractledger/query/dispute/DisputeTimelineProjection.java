package com.contractledger.query.dispute;

import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Entries;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.dispute.DisputeEntry.Kind;
import com.contractledger.query.dispute.DisputeQueries.FindContractDisputesQuery;
import com.contractledger.query.dispute.DisputeQueries.FindDisputesQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Dispute timelines: per dispute a {@link DisputeTimeline} with its stage and status, and every step, with its actor,
 * as a {@link DisputeTimelineEntry} of its own. An event's entry is written before the timeline that counts it, so a
 * crash in between leaves an entry a redelivery writes again under the same key, and nothing counted that is missing.
 */
@Component
@ProcessingGroup(DisputeTimelineProjection.PROCESSING_GROUP)
public class DisputeTimelineProjection extends Projection {

    public static final String PROCESSING_GROUP = "dispute-timelines";
    public static final String STREAM = "disputes";

    private final Entries<DisputeTimelineEntry> entries;
    private final Views<DisputeTimeline> timelines;
    private final Clock clock;

    /** {@code clock}: the application's one clock (LedgerClock), which decides what "today" is. */
    @Autowired
    public DisputeTimelineProjection(MongoTemplate mongo, ReadModelChangeLog changes,
                                     ReadModelGenerations generations, Clock clock) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, changes));
        this.clock = clock;
        // an event's entry is written before the timeline that counts it
        entries = readModel.entries(DisputeTimelineEntry.COLLECTION, DisputeTimelineEntry.class,
                DisputeTimelineEntry::toBson);
        timelines = readModel.views(DisputeTimeline.COLLECTION, DisputeTimeline.class, DisputeTimeline::id)
                .index(new Index().on("contractId", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC))
                .index(new Index().on("status", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC))
                .lookingUp(DisputeTimelineProjection::timelineOf)
                .streamedAs(STREAM, timeline -> new DisputeTimelineChange(timeline,
                        timeline.daysOpen(clock.instant()), timeline.latest()));
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        String contractId = event.contractId().value();
        String id = DisputeTimeline.idOf(contractId, event.disputeId());
        var opened = new DisputeTimeline(id, contractId, event.disputeId(), event.breachId(), event.category(),
                event.recommendedTrack(), event.stage(), DisputeTimelineView.Status.OPEN, context.occurredAt(), null,
                null, Amount.of(event.claimAmount()), null, null, 0, null, -1, context.position());
        add(message, id, opened, timeline -> new DisputeEntry(context.occurredAt(), Kind.OPENED, event.stage(),
                context.actor(), event.description(), List.of()), added -> added);
    }

    @EventHandler
    public void on(DisputeEscalatedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(message, event.contractId().value(), event.disputeId(), timeline -> new DisputeEntry(
                context.occurredAt(), Kind.ESCALATED, event.to(), context.actor(), event.reason(), List.of()),
                added -> added);
    }

    @EventHandler
    public void on(DisputeNoteAddedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(message, event.contractId().value(), event.disputeId(), timeline -> new DisputeEntry(
                context.occurredAt(), Kind.NOTE, timeline.stage(), context.actor(), event.text(),
                event.evidenceRefs() == null ? List.of() : event.evidenceRefs()), added -> added);
    }

    @EventHandler
    public void on(DisputeResolvedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        update(message, event.contractId().value(), event.disputeId(), timeline -> new DisputeEntry(
                        context.occurredAt(), Kind.RESOLVED, event.stage(), context.actor(),
                        event.outcome() + ": " + event.summary(), List.of()),
                added -> added.resolved(event.outcome(), Amount.of(event.settlementAmount()), event.summary(),
                        context.occurredAt()));
    }

    @QueryHandler
    public ContractDisputes handle(FindContractDisputesQuery query) {
        return new ContractDisputes(query.contractId(), withEntries(timelines.find(
                Query.query(where("contractId").is(query.contractId())).with(Sort.by("openedAt", "_id")))));
    }

    @QueryHandler
    public DisputeTimelinePage handle(FindDisputesQuery query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        long total = timelines.count(filter);
        Paging paging = new Paging(query.page(), query.size());
        List<DisputeTimelineView> items = withEntries(timelines.find(paging.apply(filter,
                Sort.by("openedAt", "_id"))));
        return new DisputeTimelinePage(items, query.page(), query.size(), total);
    }

    /** The entries of all {@code timelines} in one lookup by key, which any MongoDB answers from its primary index. */
    private List<DisputeTimelineView> withEntries(List<DisputeTimeline> found) {
        List<String> keys = new ArrayList<>();
        found.forEach(timeline -> IntStream.range(0, timeline.entryCount())
                .forEach(index -> keys.add(DisputeTimelineEntry.idOf(timeline.id(), index))));
        Map<String, List<DisputeTimelineEntry>> byTimeline = keys.isEmpty() ? Map.of()
                : entries.find(Query.query(where("_id").in(keys))).stream()
                .collect(Collectors.groupingBy(DisputeTimelineEntry::timelineId));
        Instant now = clock.instant();
        return found.stream().map(timeline -> DisputeTimelineView.of(timeline,
                byTimeline.getOrDefault(timeline.id(), List.of()).stream()
                        .sorted(Comparator.comparingInt(DisputeTimelineEntry::index))
                        .map(DisputeTimelineEntry::entry).toList(), now)).toList();
    }

    private void update(EventMessage<?> message, String contractId, String disputeId,
                        Function<DisputeTimeline, DisputeEntry> entry, UnaryOperator<DisputeTimeline> then) {
        add(message, DisputeTimeline.idOf(contractId, disputeId), null, entry, then);
    }

    /** Appends the event's entry to the timeline {@code id} (to {@code opened}, if it is not there yet). */
    private void add(EventMessage<?> message, String id, DisputeTimeline opened,
                     Function<DisputeTimeline, DisputeEntry> entryOf, UnaryOperator<DisputeTimeline> then) {
        EventContext context = EventContext.of(message);
        UnaryOperator<DisputeTimeline> adding = timeline -> {
            DisputeEntry entry = entryOf.apply(timeline);
            entries.add(new DisputeTimelineEntry(DisputeTimelineEntry.idOf(timeline.id(), timeline.entryCount()),
                    timeline.id(), timeline.entryCount(), entry));
            return then.apply(timeline.with(entry, context));
        };
        if (opened != null && timelines.find(id).isEmpty()) {
            timelines.put(message, adding.apply(opened));
        } else {
            timelines.update(message, id, adding);
        }
    }

    private static Stream<String> timelineOf(EventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof DisputeOpenedEvent e) {
            return Stream.of(DisputeTimeline.idOf(e.contractId().value(), e.disputeId()));
        }
        if (event instanceof DisputeEscalatedEvent e) {
            return Stream.of(DisputeTimeline.idOf(e.contractId().value(), e.disputeId()));
        }
        if (event instanceof DisputeNoteAddedEvent e) {
            return Stream.of(DisputeTimeline.idOf(e.contractId().value(), e.disputeId()));
        }
        if (event instanceof DisputeResolvedEvent e) {
            return Stream.of(DisputeTimeline.idOf(e.contractId().value(), e.disputeId()));
        }
        return Stream.empty();
    }
}
