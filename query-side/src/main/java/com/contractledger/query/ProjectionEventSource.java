package com.contractledger.query;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event store as the projections' processors read it. A pooled processor whose stream cannot say when events
 * arrive looks for them every 500 ms, so a write took that long to reach the views. Axon Server's streams say so
 * themselves; the embedded store's do not, and this source tells the processors instead: at once after a local
 * append is committed, and every {@code pollInterval} for what another process appended. A committed event reaches
 * the store's cache when the store's reader has fetched it, which under load can take longer than a processor's look
 * waits; a processor told of an append is therefore told again until it has found an event, for up to a second.
 * <p>
 * On the embedded store the processors that read the same stretch of it share one read ({@link SharedEventReads}).
 * Axon Server streams to each processor itself and leaves out the events it has no handler for.
 */
public class ProjectionEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** How long a processor's look may wait for events it was just told about to reach the store's cache. */
    private static final int NOTICE_WAIT_MILLIS = 50;
    /** How soon a processor whose look found nothing yet is told to look again. */
    private static final long NOTICE_REPEAT_MILLIS = 20;
    /** How long a processor is told again about an append it has not found: by then the poll tells it anyway. */
    private static final long NOTICE_PATIENCE_NANOS = Duration.ofSeconds(1).toNanos();
    /** Events a shared read keeps for its slower streams: a work package's buffer and batch, a few times over. */
    private static final int SHARED_READ_WINDOW = 4096;
    /** How long the others wait for a stream that has stopped reading before it is left to read on its own. */
    private static final Duration SHARED_READ_PATIENCE = Duration.ofSeconds(10);

    private final EventStore events;
    private final SharedEventReads sharedReads;
    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    public ProjectionEventSource(EventStore events, Duration pollInterval) {
        this.events = events;
        this.sharedReads = events instanceof EmbeddedEventStore
                ? new SharedEventReads(events, SHARED_READ_WINDOW, SHARED_READ_PATIENCE, System::nanoTime) : null;
        events.subscribe(appended -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> tellOfAppend());
            } else {
                tellOfAppend();
            }
        });
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-events");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tellToPoll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void tellOfAppend() {
        streams.forEach(NotifyingStream::appended);
    }

    private void tellToPoll() {
        streams.forEach(NotifyingStream::tell);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(sharedReads != null
                ? sharedReads.open(trackingToken) : events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private final class NotifyingStream extends ForwardingStream<TrackedEventMessage<?>> {

        private final AtomicBoolean noticed = new AtomicBoolean();
        private final AtomicBoolean repeatScheduled = new AtomicBoolean();
        /** When the append this stream was told of and has not found yet was noticed; 0 once found. */
        private volatile long unfoundSince;
        private volatile Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            super(stream);
        }

        void appended() {
            unfoundSince = System.nanoTime();
            tell();
        }

        void tell() {
            Runnable current = callback;
            if (current != null) {
                noticed.set(true);
                try {
                    current.run();
                } catch (RuntimeException processorGone) {
                    // its processor stopped without closing it (the poll's other streams must still be told)
                    close();
                }
            }
        }

        private void tellAgain() {
            repeatScheduled.set(false);
            long since = unfoundSince;
            if (since != 0 && System.nanoTime() - since < NOTICE_PATIENCE_NANOS) {
                tell();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (stream.setOnAvailableCallback(callback)) {
                return true;
            }
            this.callback = callback;
            streams.add(this);
            return true;
        }

        /**
         * After a notice, waits a moment for the store's own reader to have fetched what was appended; if it has not
         * yet, the processor is told again shortly.
         */
        @Override
        public boolean hasNextAvailable() {
            try {
                if (stream.hasNextAvailable()
                        || noticed.getAndSet(false) && stream.hasNextAvailable(NOTICE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    unfoundSince = 0;
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (unfoundSince != 0 && repeatScheduled.compareAndSet(false, true)) {
                try {
                    ticker.schedule(this::tellAgain, NOTICE_REPEAT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closed) {
                    repeatScheduled.set(false);
                }
            }
            return false;
        }

        @Override
        public void close() {
            streams.remove(this);
            super.close();
        }
    }
}
