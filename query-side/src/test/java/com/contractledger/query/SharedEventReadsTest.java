package com.contractledger.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedEventReadsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CountingStore counting = new CountingStore(store);
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void stop() {
        store.shutDown();
    }

    private SharedEventReads reads(int window) {
        return new SharedEventReads(counting, window, PATIENCE, clock::get);
    }

    private void append(int from, int to) {
        for (int sequence = from; sequence < to; sequence++) {
            store.publish(new GenericDomainEventMessage<>("Contract", "ct-1", sequence, "event " + sequence));
        }
    }

    private static List<TrackedEventMessage<?>> readAll(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            read.add(stream.nextAvailable());
        }
        return read;
    }

    /** The store makes an append visible to its streams a moment later. */
    private static List<TrackedEventMessage<?>> awaitEvents(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        while (read.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
            read.add(stream.nextAvailable());
        }
        return read;
    }

    private static List<Object> payloads(List<TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static List<Object> payloads(int from, int to) {
        List<Object> payloads = new ArrayList<>();
        for (int sequence = from; sequence < to; sequence++) {
            payloads.add("event " + sequence);
        }
        return payloads;
    }

    private List<TrackingToken> tokensOfTheStoresOwnRead() throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> own = store.openStream(null)) {
            return readAll(own).stream().map(TrackedEventMessage::trackingToken).toList();
        }
    }

    @Test
    void streams_opened_at_the_same_position_share_one_read_of_the_store() throws Exception {
        append(0, 10);
        SharedEventReads reads = reads(64);
        List<BlockingStream<TrackedEventMessage<?>>> streams =
                List.of(reads.open(null), reads.open(null), reads.open(null));

        for (BlockingStream<TrackedEventMessage<?>> stream : streams) {
            List<TrackedEventMessage<?>> read = readAll(stream);
            assertThat(payloads(read)).isEqualTo(payloads(0, 10));
            assertThat(read).extracting(TrackedEventMessage::trackingToken).isEqualTo(tokensOfTheStoresOwnRead());
        }
        assertThat(counting.fetched).as("the store read once").hasValue(10);
        assertThat(reads.openReads()).as("all at the store's head, nothing left to share").isZero();
    }

    @Test
    void a_stream_opening_at_an_event_the_read_holds_goes_on_after_it_in_the_same_read() throws Exception {
        append(0, 10);
        SharedEventReads reads = reads(64);
        BlockingStream<TrackedEventMessage<?>> first = reads.open(null);
        List<TrackedEventMessage<?>> firstFive = awaitEvents(first, 5);

        BlockingStream<TrackedEventMessage<?>> restarted = reads.open(firstFive.get(2).trackingToken());

        assertThat(payloads(readAll(restarted))).isEqualTo(payloads(3, 10));
        assertThat(payloads(readAll(first))).isEqualTo(payloads(5, 10));
        assertThat(counting.fetched).as("the store read once").hasValue(10);
    }

    @Test
    void the_read_goes_no_further_than_its_slowest_stream_and_tells_the_others_once_it_moved_on() throws Exception {
        append(0, 10);
        SharedEventReads reads = reads(4);
        BlockingStream<TrackedEventMessage<?>> fast = reads.open(null);
        BlockingStream<TrackedEventMessage<?>> slow = reads.open(null);
        AtomicInteger told = new AtomicInteger();
        fast.setOnAvailableCallback(told::incrementAndGet);

        assertThat(payloads(readAll(fast))).as("as far as the slowest lets it").isEqualTo(payloads(0, 4));
        assertThat(told).hasValue(0);
        assertThat(slow.nextAvailable().getPayload()).isEqualTo("event 0");

        assertThat(told).as("told once the slowest made room").hasValue(1);
        assertThat(payloads(readAll(fast))).isEqualTo(payloads(4, 5));
        List<Object> slowRead = new ArrayList<>(List.of("event 0"));
        List<Object> fastRead = new ArrayList<>(payloads(0, 5));
        while (slowRead.size() < 10) {
            slowRead.addAll(payloads(readAll(slow)));
            fastRead.addAll(payloads(readAll(fast)));
        }
        fastRead.addAll(payloads(readAll(fast)));
        assertThat(slowRead).isEqualTo(payloads(0, 10));
        assertThat(fastRead).isEqualTo(payloads(0, 10));
        assertThat(counting.fetched).as("the store read once").hasValue(10);
    }

    @Test
    void a_stream_that_stopped_reading_is_let_go_and_reads_on_its_own_from_where_it_was() throws Exception {
        append(0, 10);
        SharedEventReads reads = reads(4);
        BlockingStream<TrackedEventMessage<?>> fast = reads.open(null);
        BlockingStream<TrackedEventMessage<?>> stopped = reads.open(null);
        AtomicInteger stoppedTold = new AtomicInteger();
        stopped.setOnAvailableCallback(stoppedTold::incrementAndGet);
        assertThat(stopped.nextAvailable().getPayload()).isEqualTo("event 0");
        assertThat(stopped.nextAvailable().getPayload()).isEqualTo("event 1");
        assertThat(payloads(readAll(fast))).isEqualTo(payloads(0, 6));

        clock.addAndGet(PATIENCE.toNanos() - 1);
        assertThat(fast.hasNextAvailable()).as("still waited for").isFalse();
        clock.addAndGet(1);
        assertThat(payloads(readAll(fast))).isEqualTo(payloads(6, 10));

        assertThat(stoppedTold).as("told it was let go").hasValue(1);
        assertThat(payloads(readAll(stopped))).isEqualTo(payloads(2, 10));
        assertThat(counting.fetched).as("the shared read, then its own from event 2").hasValue(10 + 8);
    }

    @Test
    void a_stream_opening_where_no_read_holds_its_position_gets_a_read_of_its_own() throws Exception {
        append(0, 10);
        SharedEventReads reads = reads(4);
        BlockingStream<TrackedEventMessage<?>> first = reads.open(null);
        List<TrackedEventMessage<?>> firstSix = awaitEvents(first, 6);

        BlockingStream<TrackedEventMessage<?>> joined = reads.open(firstSix.get(5).trackingToken());
        assertThat(reads.openReads()).isEqualTo(1);
        BlockingStream<TrackedEventMessage<?>> fromTheStart = reads.open(null);
        assertThat(reads.openReads()).as("the start has left the first read's ring").isEqualTo(2);
        BlockingStream<TrackedEventMessage<?>> behind = reads.open(firstSix.get(1).trackingToken());
        assertThat(reads.openReads()).isEqualTo(3);

        assertThat(payloads(readAll(joined))).isEqualTo(payloads(6, 10));
        assertThat(payloads(readAll(first))).isEqualTo(payloads(6, 10));
        assertThat(payloads(readAll(fromTheStart))).isEqualTo(payloads(0, 10));
        assertThat(payloads(readAll(behind))).isEqualTo(payloads(2, 10));
    }

    @Test
    void a_stream_at_the_stores_head_leaves_the_read_and_follows_the_head_with_the_stores_own_stream()
            throws Exception {
        append(0, 3);
        SharedEventReads reads = reads(64);
        BlockingStream<TrackedEventMessage<?>> one = reads.open(null);
        BlockingStream<TrackedEventMessage<?>> other = reads.open(null);
        assertThat(readAll(one)).hasSize(3);
        assertThat(reads.openReads()).as("the other still reads it").isEqualTo(1);
        assertThat(readAll(other)).hasSize(3);
        assertThat(reads.openReads()).isZero();
        assertThat(counting.closed).as("the shared read's stream").hasValue(1);

        append(3, 5);

        assertThat(payloads(awaitEvents(one, 2))).isEqualTo(payloads(3, 5));
        assertThat(payloads(awaitEvents(other, 2))).isEqualTo(payloads(3, 5));
        assertThat(one.peek()).isEmpty();
        assertThat(counting.fetched).as("3 shared, then 2 by each own stream").hasValue(3 + 2 + 2);
        one.close();
        other.close();
        assertThat(counting.closed).hasValue(3);
    }

    @Test
    void a_read_the_store_fails_is_left_and_its_streams_go_on_with_reads_of_their_own() throws Exception {
        append(0, 10);
        SharedEventReads reads = reads(64);
        counting.failAt.set(4);
        BlockingStream<TrackedEventMessage<?>> fetching = reads.open(null);
        BlockingStream<TrackedEventMessage<?>> other = reads.open(null);

        assertThatThrownBy(() -> readAll(fetching)).hasMessage("the store is away");
        assertThat(reads.openReads()).as("no stream joins the failed read any more").isZero();

        assertThat(payloads(readAll(other))).as("what the read holds, then its own read").isEqualTo(payloads(0, 10));
        assertThat(payloads(readAll(reads.open(null)))).as("a new read").isEqualTo(payloads(0, 10));
        assertThat(counting.fetched).as("4 shared, 6 by the other's own read, 10 by the new one")
                .hasValue(4 + 6 + 10);
    }

    @Test
    void a_stream_waiting_for_events_holds_up_no_other_and_stops_waiting_when_its_thread_is_interrupted()
            throws Exception {
        append(0, 2);
        SharedEventReads reads = reads(64);
        BlockingStream<TrackedEventMessage<?>> waiting = reads.open(null);
        BlockingStream<TrackedEventMessage<?>> other = reads.open(null);
        assertThat(readAll(waiting)).hasSize(2);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch waits = new CountDownLatch(1);
            Future<Boolean> waited = thread.submit(() -> {
                waits.countDown();
                return waiting.hasNextAvailable(60, TimeUnit.SECONDS);
            });
            assertThat(waits.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(payloads(readAll(other))).as("another stream reads on").isEqualTo(payloads(0, 2));
            BlockingStream<TrackedEventMessage<?>> joining = reads.open(null);
            assertThat(payloads(readAll(joining))).isEqualTo(payloads(0, 2));
            joining.close();
            assertThat(waited).as("still waiting").isNotDone();

            thread.shutdownNow();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).as("the wait was interrupted").isTrue();
            assertThat(waited).isDone();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void streams_read_on_their_own_threads_while_events_are_appended_each_get_every_event_once_in_order()
            throws Exception {
        SharedEventReads reads = reads(16);
        int events = 2_000;
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Object>>> readers = new ArrayList<>();
            CountDownLatch opened = new CountDownLatch(6);
            for (int reader = 0; reader < 6; reader++) {
                boolean slow = reader % 3 == 0;
                readers.add(threads.submit(() -> {
                    List<Object> read = new ArrayList<>();
                    try (BlockingStream<TrackedEventMessage<?>> stream = reads.open(null)) {
                        opened.countDown();
                        while (read.size() < events) {
                            if (stream.hasNextAvailable() || stream.hasNextAvailable(5, TimeUnit.MILLISECONDS)) {
                                read.add(stream.nextAvailable().getPayload());
                                if (slow && read.size() % 100 == 0) {
                                    Thread.sleep(2);
                                }
                            }
                        }
                    }
                    return read;
                }));
            }
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
            for (int from = 0; from < events; from += 50) {
                append(from, from + 50);
                Thread.sleep(1);
            }
            for (Future<List<Object>> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(payloads(0, events));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(reads.openReads()).isZero();
    }

    /** The store, counting the events read from its streams and the streams closed. */
    private static final class CountingStore implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final EmbeddedEventStore store;
        final AtomicInteger fetched = new AtomicInteger();
        /** The number of the event whose fetch fails, once; -1 for none. */
        final AtomicInteger failAt = new AtomicInteger(-1);
        final AtomicInteger closed = new AtomicInteger();

        CountingStore(EmbeddedEventStore store) {
            this.store = store;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new ForwardingStream<>(store.openStream(trackingToken)) {
                @Override
                public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                    if (failAt.compareAndSet(fetched.get(), -1)) {
                        throw new IllegalStateException("the store is away");
                    }
                    fetched.incrementAndGet();
                    return stream.nextAvailable();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                    super.close();
                }
            };
        }
    }
}
