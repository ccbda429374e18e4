package com.contractledger.command.common;

import com.contractledger.api.serialization.HashChain;
import com.contractledger.shared.RecentlyUsed;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Links every domain event into its aggregate's hash chain ({@link HashChain}) on its way into the event store. The
 * previous hash is carried within the unit of work; at its start it is the hash of the aggregate's last committed
 * event, remembered from the commit that stored it, or read from the event store when this process did not store it
 * (or has forgotten it). Events of one aggregate are appended under Axon's aggregate lock, and the store's unique
 * (aggregate, sequence) key refuses a second writer, so a chain cannot fork.
 */
public final class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    /** How many aggregates' last committed hashes are remembered; the least recently used are forgotten first. */
    static final int REMEMBERED_HEADS = 10_000;

    private static final String HEADS = HashChainInterceptor.class.getName();

    /** The last event of an aggregate's chain: its sequence number and hash. */
    private record Head(long sequenceNumber, String hash) {
    }

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final RecentlyUsed<String, Head> committedHeads = new RecentlyUsed<>(REMEMBERED_HEADS);

    public HashChainInterceptor(EventStore eventStore, Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Head> heads = new HashMap<>();
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            heads = root.getOrComputeResource(HEADS, key -> headsOf(root));
        }
        Map<String, Head> linked = heads;
        return (index, message) -> message instanceof DomainEventMessage<?> event ? link(event, linked) : message;
    }

    /** The heads a unit of work moves; remembered once its transaction committed, when they are the stored ones. */
    private Map<String, Head> headsOf(UnitOfWork<?> unitOfWork) {
        Map<String, Head> heads = new HashMap<>();
        unitOfWork.afterCommit(committed -> committedHeads.putAll(heads));
        return heads;
    }

    private EventMessage<?> link(DomainEventMessage<?> event, Map<String, Head> heads) {
        String aggregateId = event.getAggregateIdentifier();
        String previousHash = previousHash(event, heads.get(aggregateId));
        SerializedObject<byte[]> payload = eventSerializer.serialize(event.getPayload(), byte[].class);
        Object actor = event.getMetaData().get(LedgerMetaData.ACTOR);
        String hash = HashChain.hash(HashChain.SCHEME, previousHash, aggregateId, event.getSequenceNumber(), event.getIdentifier(),
                event.getPayloadType().getName(), DateTimeUtils.formatInstant(event.getTimestamp()),
                actor == null ? null : actor.toString(), payload.getData());
        heads.put(aggregateId, new Head(event.getSequenceNumber(), hash));
        return withSerializedPayload(event, MetaData.with(HashChain.HASH_SCHEME, HashChain.SCHEME)
                .and(HashChain.PREVIOUS_HASH, previousHash).and(HashChain.HASH, hash), payload);
    }

    /** The event with the chain's metadata, handing the event store the payload bytes that were hashed. */
    private <T> DomainEventMessage<T> withSerializedPayload(DomainEventMessage<T> event, MetaData chain,
                                                           SerializedObject<byte[]> payload) {
        Message<T> message = new GenericMessage<>(event.getIdentifier(), event.getPayloadType(), event.getPayload(),
                event.getMetaData().mergedWith(chain));
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), new SerializedPayloadMessage<>(message, eventSerializer, payload),
                event.getTimestamp());
    }

    private String previousHash(DomainEventMessage<?> event, Head inThisUnitOfWork) {
        if (inThisUnitOfWork != null) {
            return inThisUnitOfWork.hash();
        }
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        Head committed = committedHeads.get(event.getAggregateIdentifier());
        // A committed event never changes, so a remembered head is right whenever it is the event just before.
        if (committed != null && committed.sequenceNumber() == event.getSequenceNumber() - 1) {
            return committed.hash();
        }
        return storedHashBefore(event);
    }

    private String storedHashBefore(DomainEventMessage<?> event) {
        return eventStore.readEvents(event.getAggregateIdentifier(), event.getSequenceNumber() - 1).asStream()
                .filter(previous -> previous.getSequenceNumber() == event.getSequenceNumber() - 1)
                .findFirst()
                .map(previous -> previous.getMetaData().get(HashChain.HASH))
                .map(Object::toString)
                // An event stored before the chain existed: the chain starts again here, and verification says so.
                .orElse(HashChain.GENESIS);
    }
}
