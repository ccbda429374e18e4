package com.contractledger.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

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
    void a_processor_whose_look_finds_nothing_yet_is_told_again_until_the_store_has_fetched_the_event()
            throws Exception {
        SlowReadingStore slow = new SlowReadingStore();
        ProjectionEventSource slowSource = new ProjectionEventSource(slow, Duration.ofHours(1));
        Coordinator coordinator = new Coordinator(slowSource.openStream(null));
        try {
            slow.publish(event(0));
            Thread.sleep(400);
            assertThat(coordinator.read).as("not fetched yet").isEmpty();
            assertThat(coordinator.told.get()).as("told again while the event is not found").isGreaterThan(2);

            slow.fetched.set(true);
            await(() -> !coordinator.read.isEmpty());
            assertThat(coordinator.read).containsExactly("payload 0");
            int toldUntilFound = coordinator.told.get();
            Thread.sleep(300);
            assertThat(coordinator.told).as("nothing more once found").hasValue(toldUntilFound);
        } finally {
            coordinator.close();
            slowSource.close();
            slow.shutDown();
        }
    }

    @Test
    void a_notice_of_an_event_already_read_is_repeated_for_at_most_a_second() throws Exception {
        Coordinator coordinator = new Coordinator(source.openStream(null));
        try {
            store.publish(event(0));
            await(() -> !coordinator.read.isEmpty());
            assertThat(coordinator.read).containsExactly("payload 0");

            // told of an append whose event the processor has read already: it looks and finds nothing
            int before = coordinator.told.get();
            source.tellOfAppend();
            Thread.sleep(500);
            assertThat(coordinator.told.get()).as("told again meanwhile").isGreaterThan(before + 2);
            Thread.sleep(1_000);
            int settled = coordinator.told.get();
            Thread.sleep(500);
            assertThat(coordinator.told).as("no longer told after a second").hasValue(settled);
            assertThat(coordinator.read).containsExactly("payload 0");
        } finally {
            coordinator.close();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Looks at the stream on a thread of its own each time it is told, as a pooled processor's coordinator does. */
    private static final class Coordinator implements AutoCloseable {

        final AtomicInteger told = new AtomicInteger();
        final List<Object> read = new CopyOnWriteArrayList<>();
        private TrackingToken position;
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final BlockingStream<TrackedEventMessage<?>> stream;

        Coordinator(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
            stream.setOnAvailableCallback(() -> {
                told.incrementAndGet();
                thread.execute(this::look);
            });
        }

        private void look() {
            try {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    // The embedded store may hand an event again when a stream leaves a shared read for its own at
                    // the head (its reader's cache can start at an event a closing stream had read); a processor
                    // skips what its token covers, as this one does.
                    if (position == null || !position.covers(event.trackingToken())) {
                        read.add(event.getPayload());
                        position = event.trackingToken();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
            stream.close();
        }
    }

    /** An event store whose reader has not fetched what was appended until {@code fetched} is set. */
    private static final class SlowReadingStore extends EmbeddedEventStore {

        final AtomicBoolean fetched = new AtomicBoolean();

        SlowReadingStore() {
            super(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));
        }

        @Override
        public TrackingEventStream openStream(TrackingToken token) {
            TrackingEventStream stream = super.openStream(token);
            return new TrackingEventStream() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return fetched.get() ? stream.peek() : Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                    if (fetched.get()) {
                        return stream.hasNextAvailable(timeout, unit);
                    }
                    unit.sleep(timeout);
                    return false;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    return stream.nextAvailable();
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        }
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
