package com.contractledger.command.common;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.annotation.Nonnull;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New events are linked under the current scheme, which their metadata names, across units of work; the head of a
 * chain is read from the store only when this writer did not commit it, and the payload hashed is the one stored.
 */
class HashChainInterceptorTest {

    private final Serializer serializer = LedgerJson.serializer();
    private final CountingEngine engine = new CountingEngine();
    /** Two writers on one store, as two processes would be. */
    private final EmbeddedEventStore writerA = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final EmbeddedEventStore writerB = EmbeddedEventStore.builder().storageEngine(engine).build();

    @AfterEach
    void shutDown() {
        writerA.shutDown();
        writerB.shutDown();
    }

    @Test
    void events_are_stamped_with_scheme_2_and_linked_to_the_stored_head() {
        writerA.registerDispatchInterceptor(new HashChainInterceptor(writerA, serializer));
        commit(writerA, note(0, "\uD800"), note(1, "x\uDC00y"));
        commit(writerA, note(2, "?"));

        assertLinked(3);
    }

    @Test
    void the_head_a_writer_committed_is_not_read_back_from_the_store() {
        writerA.registerDispatchInterceptor(new HashChainInterceptor(writerA, serializer));
        commit(writerA, note(0, "a"), note(1, "b"));
        int readsBefore = engine.reads;
        commit(writerA, note(2, "c"));
        commit(writerA, note(3, "d"));

        assertThat(engine.reads).isEqualTo(readsBefore);
        assertLinked(4);
    }

    @Test
    void a_chain_another_writer_moved_on_is_linked_to_the_head_in_the_store() {
        writerA.registerDispatchInterceptor(new HashChainInterceptor(writerA, serializer));
        writerB.registerDispatchInterceptor(new HashChainInterceptor(writerB, serializer));
        commit(writerA, note(0, "a"), note(1, "b"));
        commit(writerB, note(2, "c"));
        commit(writerA, note(3, "d"));

        assertLinked(4);
    }

    @Test
    void the_head_of_a_unit_of_work_that_rolled_back_is_not_remembered() {
        writerA.registerDispatchInterceptor(new HashChainInterceptor(writerA, serializer));
        FailingInterceptor failAfterLinking = new FailingInterceptor();
        writerA.registerDispatchInterceptor(failAfterLinking);
        writerB.registerDispatchInterceptor(new HashChainInterceptor(writerB, serializer));
        commit(writerA, note(0, "a"), note(1, "b"));
        failAfterLinking.failing = true;
        assertThatThrownBy(() -> commit(writerA, note(2, "lost"))).hasMessage("refused");
        failAfterLinking.failing = false;
        commit(writerB, note(2, "c"));
        commit(writerA, note(3, "d"));

        assertLinked(4);
    }

    @Test
    void the_payload_is_serialized_once_for_both_the_hash_and_the_store() {
        AtomicInteger serializations = new AtomicInteger();
        Serializer counting = (Serializer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Serializer.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("serialize")) {
                        serializations.incrementAndGet();
                    }
                    try {
                        return method.invoke(serializer, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DomainEventMessage<?> event = note(0, "a");

        EventMessage<?> linked = new HashChainInterceptor(writerA, counting).handle(List.of(event)).apply(0, event)
                .andMetaData(Map.of("later", "x"));
        byte[] stored = linked.serializePayload(counting, byte[].class).getData();

        assertThat(serializations).hasValue(1);
        assertThat(stored).isEqualTo(serializer.serialize(event.getPayload(), byte[].class).getData());
        assertThat(linked.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(linked.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(linked.getMetaData()).containsEntry(LedgerMetaData.ACTOR, "buyer").containsEntry("later", "x")
                .containsEntry(HashChain.PREVIOUS_HASH, HashChain.GENESIS).containsKey(HashChain.HASH);
    }

    private static void commit(EmbeddedEventStore store, DomainEventMessage<?>... events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(events));
    }

    private void assertLinked(int count) {
        List<? extends DomainEventMessage<?>> stored = writerA.readEvents("ct-1").asStream().toList();
        assertThat(stored).hasSize(count);
        String previousHash = HashChain.GENESIS;
        for (DomainEventMessage<?> event : stored) {
            MetaData metaData = event.getMetaData();
            assertThat(metaData.get(HashChain.HASH_SCHEME)).isEqualTo(2);
            assertThat(metaData.get(HashChain.PREVIOUS_HASH)).isEqualTo(previousHash);
            assertThat(metaData.get(HashChain.HASH)).isEqualTo(HashChain.hash(2, previousHash, "ct-1",
                    event.getSequenceNumber(), event.getIdentifier(), DisputeNoteAddedEvent.class.getName(),
                    DateTimeUtils.formatInstant(event.getTimestamp()), "buyer",
                    serializer.serialize(event.getPayload(), byte[].class).getData()));
            previousHash = (String) metaData.get(HashChain.HASH);
        }
    }

    private static DomainEventMessage<DisputeNoteAddedEvent> note(long sequence, String text) {
        return new GenericDomainEventMessage<>("Contract", "ct-1", sequence,
                new DisputeNoteAddedEvent(ContractId.of("ct-1"), "dp-1", text, List.of()),
                MetaData.with(LedgerMetaData.ACTOR, "buyer"));
    }

    private static final class CountingEngine extends InMemoryEventStorageEngine {

        int reads;

        @Override
        public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
            reads++;
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }

    /** Fails a unit of work after its events were linked and before they are stored. */
    private static final class FailingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

        volatile boolean failing;

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            if (failing) {
                throw new IllegalStateException("refused");
            }
            return (index, message) -> message;
        }
    }
}
