package com.contractledger.query;

import org.axonframework.common.io.IOUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One read of the event store for the processors that read the same stretch of it. A replay of every projection opens
 * a stream per processor at the same position, and each would otherwise fetch, upcast and deserialize every event
 * itself; the store's own sharing starts only at its head.
 * <p>
 * A read keeps its last {@code window} events in a ring. A stream opening at the read's start, or at the position of
 * an event the ring still holds, joins it. The read fetches ahead only as far as its slowest stream lets it, so a
 * stream that keeps reading never falls out of the ring; one that has not read for {@code patience} while the others
 * wait for it is let go, and goes on with a read of its own from where it was. A stream that reaches the store's head
 * leaves the read too: from there the store's own stream follows the head, as it did before, waking at each append.
 */
final class SharedEventReads {

    private static final Logger log = LoggerFactory.getLogger(SharedEventReads.class);
    private static final int FETCH_CHUNK = 512;
    private static final long WAIT_SLICE_MILLIS = 50;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final int window;
    private final long patienceNanos;
    private final LongSupplier nanoTime;
    private final List<Read> reads = new CopyOnWriteArrayList<>();

    SharedEventReads(StreamableMessageSource<TrackedEventMessage<?>> store, int window, Duration patience,
                     LongSupplier nanoTime) {
        this.store = store;
        this.window = window;
        this.patienceNanos = patience.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized BlockingStream<TrackedEventMessage<?>> open(TrackingToken position) {
        for (Read read : reads) {
            Reader joined = read.join(position);
            if (joined != null) {
                return joined;
            }
        }
        Read read = new Read(position, store.openStream(position));
        reads.add(read);
        log.debug("A read of the event store opened after {}; {} open", position, reads.size());
        return read.join(position);
    }

    /** How many reads of the store are open; each is one stream on the store. */
    int openReads() {
        return reads.size();
    }

    private synchronized void closed(Read read) {
        reads.remove(read);
    }

    private record Entry(long sequence, TrackedEventMessage<?> event) {
    }

    /** What a stream's look for its next event found. */
    private enum Found {
        /** The read holds it. */
        AN_EVENT,
        /** The store has nothing more for now: the stream is at its head. */
        THE_HEAD,
        /** Nothing yet: another stream is fetching, or the read waits for its slowest stream. */
        NOTHING_YET
    }

    private final class Read {

        private final TrackingToken start;
        private final BlockingStream<TrackedEventMessage<?>> source;
        private final AtomicReferenceArray<Entry> ring = new AtomicReferenceArray<>(window);
        private final List<Reader> readers = new CopyOnWriteArrayList<>();
        private final ReentrantLock fetching = new ReentrantLock();
        private final Condition roomMade = fetching.newCondition();
        /** How many events this read has fetched: the next one's sequence. */
        private volatile long fetched;
        /** Set when a fetch found no room; the slowest stream's next step makes some. */
        private volatile boolean full;
        /** Set once its last stream left, or once the store failed it (then no stream joins it any more). */
        private volatile boolean closed;

        Read(TrackingToken start, BlockingStream<TrackedEventMessage<?>> source) {
            this.start = start;
            this.source = source;
        }

        /** A stream continuing after {@code position}, if this read holds what comes after it; null otherwise. */
        Reader join(TrackingToken position) {
            fetching.lock();
            try {
                if (closed) {
                    return null;
                }
                long oldest = Math.max(0, fetched - window);
                if (oldest == 0 && Objects.equals(start, position)) {
                    return attach(new Reader(this, 0, position));
                }
                for (long sequence = fetched - 1; sequence >= oldest && position != null; sequence--) {
                    Entry entry = ring.get(slot(sequence));
                    if (entry.event().trackingToken().equals(position)) {
                        return attach(new Reader(this, sequence + 1, position));
                    }
                }
                return null;
            } finally {
                fetching.unlock();
            }
        }

        private Reader attach(Reader reader) {
            readers.add(reader);
            return reader;
        }

        private int slot(long sequence) {
            return (int) (sequence % window);
        }

        /** The event at {@code sequence} if the ring still holds it. */
        Entry entry(long sequence) {
            Entry entry = ring.get(slot(sequence));
            return entry != null && entry.sequence() == sequence ? entry : null;
        }

        /**
         * Fetches what the store has, as far as the slowest stream lets, waiting up to {@code timeoutMillis} for the
         * store or for room. One stream at a time waits on the store, in slices, so that streams joining, leaving or
         * only looking are never held up for long, and a waiting stream's thread can be interrupted.
         */
        Found fetch(Reader reader, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                long remaining = deadline - System.nanoTime();
                boolean locked = remaining <= 0 ? fetching.tryLock()
                        : fetching.tryLock(remaining, TimeUnit.NANOSECONDS);
                if (!locked) {
                    return fetchedFor(reader);
                }
                boolean fetchedSome = false;
                boolean failed = false;
                try {
                    if (reader.next < fetched || closed) {
                        return fetchedFor(reader);
                    }
                    long slice = Math.min(WAIT_SLICE_MILLIS,
                            TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    long room = room();
                    if (room <= 0) {
                        full = true;
                        if (slice <= 0) {
                            return Found.NOTHING_YET;
                        }
                        roomMade.await(slice, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    try {
                        if (source.hasNextAvailable() || slice > 0
                                && source.hasNextAvailable((int) slice, TimeUnit.MILLISECONDS)) {
                            for (int count = 0; count < Math.min(room, FETCH_CHUNK) && source.hasNextAvailable();
                                 count++) {
                                long sequence = fetched;
                                ring.set(slot(sequence), new Entry(sequence, source.nextAvailable()));
                                fetched = sequence + 1;
                                fetchedSome = true;
                            }
                        } else if (deadline - System.nanoTime() <= 0) {
                            return Found.THE_HEAD;
                        }
                    } catch (RuntimeException storeFailed) {
                        closed = true;
                        failed = true;
                        throw storeFailed;
                    }
                } finally {
                    fetching.unlock();
                    if (failed) {
                        abandon();
                    }
                }
                if (fetchedSome) {
                    tellWaiting(reader);
                    return Found.AN_EVENT;
                }
            }
        }

        private Reader slowest() {
            Reader slowest = null;
            for (Reader reader : readers) {
                if (slowest == null || reader.next < slowest.next) {
                    slowest = reader;
                }
            }
            return slowest;
        }

        private Found fetchedFor(Reader reader) {
            return reader.next < fetched ? Found.AN_EVENT : Found.NOTHING_YET;
        }

        /** Events that may be fetched before the slowest stream's next one would be overwritten. */
        private long slack() {
            Reader slowest = slowest();
            return slowest == null ? window : slowest.next + window - fetched;
        }

        /** The slack, once a slowest stream that has not read for the patience is let go. */
        private long room() {
            long now = nanoTime.getAsLong();
            long room;
            while ((room = slack()) <= 0) {
                Reader slowest = slowest();
                if (now - slowest.lastRead < patienceNanos) {
                    break;
                }
                readers.remove(slowest);
                log.debug("A stream that stopped reading at {} now reads on its own", slowest.position);
                slowest.letGo();
            }
            return room;
        }

        /** Called by a stream after each step: once the read was full, the streams waiting at its end may go on. */
        void stepped() {
            if (full && slack() >= Math.max(1, window / 4)) {
                full = false;
                fetching.lock();
                try {
                    roomMade.signalAll();
                } finally {
                    fetching.unlock();
                }
                tellWaiting(null);
            }
        }

        private void tellWaiting(Reader except) {
            for (Reader waiting : readers) {
                if (waiting != except && waiting.waiting) {
                    waiting.tell();
                }
            }
        }

        /**
         * A read the store failed is not read again: its streams go on with reads of their own from where they are,
         * as a processor reopens its stream after a failure.
         */
        private void abandon() {
            closed(this);
            IOUtils.closeQuietly(source);
            tellWaiting(null);
        }

        void leave(Reader reader) {
            readers.remove(reader);
            boolean last;
            fetching.lock();
            try {
                last = readers.isEmpty() && !closed;
                closed |= last;
            } finally {
                fetching.unlock();
            }
            if (last) {
                closed(this);
                source.close();
            } else {
                stepped();
            }
        }
    }

    /** One processor's stream: the shared read's events from {@code next} on, or its own read once let go. */
    private final class Reader implements BlockingStream<TrackedEventMessage<?>> {

        private final Read read;
        private volatile long next;
        private volatile long lastRead;
        private volatile boolean waiting;
        private volatile boolean letGo;
        private volatile Runnable callback;
        private TrackingToken position;
        private BlockingStream<TrackedEventMessage<?>> own;

        Reader(Read read, long next, TrackingToken position) {
            this.read = read;
            this.next = next;
            this.position = position;
            this.lastRead = nanoTime.getAsLong();
        }

        void letGo() {
            letGo = true;
            tell();
        }

        void tell() {
            waiting = false;
            Runnable current = callback;
            if (current != null) {
                current.run();
            }
        }

        /** The shared read's next event for this stream, or null once it must read on its own. */
        private Entry shared() {
            if (own != null) {
                return null;
            }
            long fetched = read.fetched;
            Entry entry = letGo ? null : read.entry(next);
            if (entry == null && (letGo || next < fetched || read.closed)) {
                // let go, overtaken by the ring, or the read failed
                goOnAlone();
            }
            return entry;
        }

        /** From here on this stream reads the store itself. */
        private void goOnAlone() {
            read.leave(this);
            own = store.openStream(position);
        }

        private boolean available(long timeoutMillis) throws InterruptedException {
            lastRead = nanoTime.getAsLong();
            if (shared() != null) {
                return true;
            }
            if (own == null) {
                waiting = true;
                Found found = read.fetch(this, timeoutMillis);
                if (found == Found.AN_EVENT) {
                    waiting = false;
                    return true;
                }
                if (found == Found.NOTHING_YET) {
                    return false;
                }
                // at the store's head there is nothing to share: the store's own stream follows it for each processor
                waiting = false;
                goOnAlone();
                return own.hasNextAvailable();
            }
            return timeoutMillis <= 0 ? own.hasNextAvailable()
                    : own.hasNextAvailable((int) timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean hasNextAvailable() {
            try {
                return available(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return available(unit.toMillis(timeout));
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (!hasNextAvailable()) {
                return Optional.empty();
            }
            Entry entry = shared();
            return entry != null ? Optional.of(entry.event()) : own.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                Entry entry = shared();
                if (own != null) {
                    return own.nextAvailable();
                }
                if (entry != null) {
                    next = entry.sequence() + 1;
                    position = entry.event().trackingToken();
                    lastRead = nanoTime.getAsLong();
                    read.stepped();
                    return entry.event();
                }
                if (!available(100)) {
                    Thread.sleep(10);
                }
            }
        }

        /** Told when another stream fetched for it, when the slowest made room, or when it was let go. */
        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            // it does not say when events are appended: the source's notices do
            return false;
        }

        @Override
        public void close() {
            callback = null;
            if (own != null) {
                own.close();
            } else {
                read.leave(this);
            }
        }
    }
}
