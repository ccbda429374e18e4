package com.contractledger.command.common;

import com.contractledger.api.serialization.HashChain;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Links every domain event into its aggregate's hash chain ({@link HashChain}) on its way into the event store. The
 * previous hash is read once per unit of work from the last stored event and then carried within the unit of work;
 * events of one aggregate are appended under Axon's aggregate lock, and the store's unique (aggregate, sequence) key
 * refuses a second writer, so a chain cannot fork.
 */
public final class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String LAST_HASHES = HashChainInterceptor.class.getName();

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public HashChainInterceptor(EventStore eventStore, Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHashes = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(LAST_HASHES, key -> new HashMap<String, String>())
                : new HashMap<>();
        return (index, message) -> message instanceof DomainEventMessage<?> event ? link(event, lastHashes) : message;
    }

    private EventMessage<?> link(DomainEventMessage<?> event, Map<String, String> lastHashes) {
        String aggregateId = event.getAggregateIdentifier();
        String previousHash = lastHashes.get(aggregateId);
        if (previousHash == null) {
            previousHash = storedHashBefore(event);
        }
        byte[] payload = eventSerializer.serialize(event.getPayload(), byte[].class).getData();
        Object actor = event.getMetaData().get(LedgerMetaData.ACTOR);
        String hash = HashChain.hash(HashChain.SCHEME, previousHash, aggregateId, event.getSequenceNumber(), event.getIdentifier(),
                event.getPayloadType().getName(), DateTimeUtils.formatInstant(event.getTimestamp()),
                actor == null ? null : actor.toString(), payload);
        lastHashes.put(aggregateId, hash);
        return event.andMetaData(MetaData.with(HashChain.HASH_SCHEME, HashChain.SCHEME)
                .and(HashChain.PREVIOUS_HASH, previousHash).and(HashChain.HASH, hash));
    }

    private String storedHashBefore(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        return eventStore.readEvents(event.getAggregateIdentifier(), event.getSequenceNumber() - 1).asStream()
                .filter(previous -> previous.getSequenceNumber() == event.getSequenceNumber() - 1)
                .findFirst()
                .map(previous -> previous.getMetaData().get(HashChain.HASH))
                .map(Object::toString)
                // An event stored before the chain existed: the chain starts again here, and verification says so.
                .orElse(HashChain.GENESIS);
    }
}
