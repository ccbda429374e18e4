package com.contractledger.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The ledger's events as they are stored, read through Axon's {@link EventStore} API alike on every topology. The
 * event store given reads the ledger's storage without upcasters, and {@code storedForm} is the serializer its
 * messages carry: asked for their payload in that serializer's form, messages read from storage hand back the stored
 * bytes instead of serializing the payload again ({@code SerializedMessage.serializePayload}). The hash chain is
 * computed over exactly those bytes.
 */
final class StoredEvents {

    static final String CONTRACT = "Contract";
    static final String SUPPLIER = "SupplierRelationship";

    private final EventStore eventStore;
    private final Serializer storedForm;

    StoredEvents(EventStore eventStore, Serializer storedForm) {
        this.eventStore = eventStore;
        this.storedForm = storedForm;
    }

    /**
     * One aggregate's events in sequence order, from the first (never a snapshot), handed over one at a time; none if
     * the aggregate is not of this type.
     */
    void forEachOf(String aggregateType, String aggregateId, Consumer<StoredEvent> consumer) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (aggregateType.equals(event.getType())) {
                consumer.accept(stored(event, null));
            }
        }
    }

    List<StoredEvent> of(String aggregateType, String aggregateId) {
        List<StoredEvent> events = new ArrayList<>();
        forEachOf(aggregateType, aggregateId, events::add);
        return events;
    }

    /** The position of the newest event stored now; null while the store is empty. */
    TrackingToken head() {
        return eventStore.createHeadToken();
    }

    /** Just before the first event stored at or after {@code instant}. */
    TrackingToken before(Instant instant) {
        return eventStore.createTokenAt(instant);
    }

    /** The events after {@code start} (from the first if null) in global order. On Axon Server it never ends. */
    BlockingStream<TrackedEventMessage<?>> streamAfter(TrackingToken start) {
        return eventStore.openStream(start);
    }

    StoredEvent stored(DomainEventMessage<?> event, Long globalPosition) {
        SerializedObject<byte[]> payload = event.serializePayload(storedForm, byte[].class);
        return new StoredEvent(globalPosition, event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getIdentifier(), payload.getType().getName(),
                payload.getType().getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getData(),
                new TreeMap<>(event.getMetaData()));
    }
}
