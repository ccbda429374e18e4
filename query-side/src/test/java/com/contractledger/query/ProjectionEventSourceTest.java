package com.contractledger.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    // a poll interval no test waits for: what is seen here was told at once
    private final ProjectionEventSource source = new ProjectionEventSource(store, Duration.ofHours(1));

    @AfterEach
    void stop() {
        source.close();
        store.shutDown();
    }

    private static GenericDomainEventMessage<String> event(long sequence) {
        return new GenericDomainEventMessage<>("Contract", "ct-1", sequence, "payload " + sequence);
    }

    @Test
    void a_processor_is_told_once_an_append_is_committed_and_then_finds_the_event() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger told = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).isTrue();

        DefaultUnitOfWork<?> append = DefaultUnitOfWork.startAndGet(null);
        store.publish(event(0));
        assertThat(told).as("nothing told before the commit").hasValue(0);
        append.commit();

        assertThat(told).hasValue(1);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("payload 0");
        stream.close();
    }

    @Test
    void a_closed_stream_is_told_nothing() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);
        stream.close();

        store.publish(event(0));

        assertThat(told).hasValue(0);
    }
}
