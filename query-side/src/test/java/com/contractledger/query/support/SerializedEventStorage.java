package com.contractledger.query.support;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Events kept in memory as a real store keeps them (JDBC, Axon Server): serialized, with payload type and revision,
 * at a global position from 0, and read back through the upcasters of whichever engine reads them. Engines over one
 * storage read the same events, as the ledger's event store and the audit's reader do.
 */
public final class SerializedEventStorage {

    private final List<TrackedDomainEventData<byte[]>> stored = new CopyOnWriteArrayList<>();
    private volatile Runnable afterHeadTaken = () -> {
    };

    /** Stores an event as given: bytes, type, revision and metadata are not looked at. */
    public synchronized void store(DomainEventData<byte[]> event) {
        stored.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(stored.size()), event));
    }

    public int size() {
        return stored.size();
    }

    /** Runs {@code action} each time an engine has told where the store ends, e.g. to store a later event. */
    public void afterHeadTaken(Runnable action) {
        afterHeadTaken = action;
    }

    public EventStorageEngine engine(Serializer serializer, EventUpcaster upcasters) {
        return new Engine(new EngineBuilder().eventSerializer(serializer).snapshotSerializer(serializer)
                .upcasterChain(upcasters));
    }

    private static final class EngineBuilder extends AbstractEventStorageEngine.Builder {
    }

    private final class Engine extends AbstractEventStorageEngine {

        private Engine(AbstractEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
            throw new UnsupportedOperationException("store the serialized events with SerializedEventStorage.store");
        }

        @Override
        protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
            throw new UnsupportedOperationException("no snapshots here");
        }

        @Override
        protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
            return stored.stream().filter(event -> identifier.equals(event.getAggregateIdentifier())
                    && event.getSequenceNumber() >= firstSequenceNumber);
        }

        @Override
        protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
            long after = trackingToken == null ? -1 : trackingToken.position().orElseThrow();
            return stored.stream().filter(event -> event.trackingToken().position().orElseThrow() > after);
        }

        @Override
        protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
            return Stream.empty();
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }

        @Override
        public TrackingToken createHeadToken() {
            TrackingToken head = last();
            afterHeadTaken.run();
            return head;
        }

        private TrackingToken last() {
            return stored.isEmpty() ? null : stored.get(stored.size() - 1).trackingToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant instant) {
            return stored.stream()
                    .filter(event -> !event.getTimestamp().isBefore(instant))
                    .findFirst()
                    .<TrackingToken>map(event -> new GlobalSequenceTrackingToken(
                            event.trackingToken().position().orElseThrow() - 1))
                    .orElseGet(this::last);
        }
    }
}
