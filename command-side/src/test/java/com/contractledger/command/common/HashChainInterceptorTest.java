package com.contractledger.command.common;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** New events are linked under the current scheme, which their metadata names, across units of work. */
class HashChainInterceptorTest {

    private final Serializer serializer = LedgerJson.serializer();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void events_are_stamped_with_scheme_2_and_linked_to_the_stored_head() {
        store.registerDispatchInterceptor(new HashChainInterceptor(store, serializer));
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(note(0, "\uD800"), note(1, "x\uDC00y")));
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(note(2, "?")));

        List<? extends DomainEventMessage<?>> stored = store.readEvents("ct-1").asStream().toList();
        assertThat(stored).hasSize(3);
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
}
