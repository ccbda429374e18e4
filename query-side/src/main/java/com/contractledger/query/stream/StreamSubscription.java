package com.contractledger.query.stream;

import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelChangeLog.Change;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected subscriber of a stream. It first sends what the change log holds after the subscriber's
 * {@code Last-Event-ID}, then the live changes that arrived meanwhile and later, skipping any it already sent: every
 * change once, in log order. Live changes are only queued on the recording thread; a pump on the sender executor
 * writes them, one pump per subscription at a time, so a slow client never holds up a projection. A client that falls
 * {@link #MAX_PENDING} changes behind is disconnected and resumes from the log when it reconnects.
 */
final class StreamSubscription {

    static final int MAX_PENDING = 10_000;
    private static final int PAGE = 500;
    private static final Change HEARTBEAT = new Change(-1, null, null, null, null, null);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final ReadModelChangeLog changeLog;
    private final String stream;
    private final String key;
    private final SseEmitter emitter;
    private final Executor senders;
    private final Queue<Change> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private volatile boolean closed;
    private final boolean resuming;
    private boolean caughtUp;
    private long lastSent;

    StreamSubscription(ReadModelChangeLog changeLog, String stream, String key, Long lastEventId, SseEmitter emitter,
                       Executor senders) {
        this.changeLog = changeLog;
        this.stream = stream;
        this.key = key;
        this.emitter = emitter;
        this.senders = senders;
        // Without Last-Event-ID a subscriber starts at the present: after the last change recorded before it listens.
        this.resuming = lastEventId != null;
        this.lastSent = resuming ? lastEventId : changeLog.lastId();
    }

    /** Called on the recording thread for every change of the log; must not block. */
    void offer(Change change) {
        if (closed || !change.stream().equals(stream) || (key != null && !change.key().equals(key))) {
            return;
        }
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            close();
            return;
        }
        pending.add(change);
        senders.execute(this::pump);
    }

    void heartbeat() {
        if (!closed) {
            pendingCount.incrementAndGet();
            pending.add(HEARTBEAT);
            senders.execute(this::pump);
        }
    }

    /** Starts the catch-up from the log. */
    void start() {
        senders.execute(this::pump);
    }

    void close() {
        closed = true;
        emitter.complete();
    }

    boolean isClosed() {
        return closed;
    }

    private void pump() {
        if (!pumping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!caughtUp) {
                catchUp();
                caughtUp = true;
            }
            Change change;
            while (!closed && (change = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                if (change == HEARTBEAT) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                } else if (change.id() > lastSent) {
                    send(change);
                }
            }
        } catch (IOException | IllegalStateException gone) {
            closed = true;
            emitter.completeWithError(gone);
        } finally {
            pumping.set(false);
        }
        if (!closed && !pending.isEmpty()) {
            senders.execute(this::pump);
        }
    }

    private void catchUp() throws IOException {
        // Sent first so the client gets the response headers at once and knows how soon to reconnect.
        emitter.send(SseEmitter.event().comment("subscribed").reconnectTime(RECONNECT.toMillis()));
        if (!resuming) {
            return;
        }
        if (lastSent > changeLog.lastId() || lastSent < changeLog.oldestId() - 1) {
            // The log no longer holds (or never held) what came after this id: the client must reload the views.
            emitter.send(SseEmitter.event().name("resync").data("{}"));
            lastSent = changeLog.lastId();
            return;
        }
        List<Change> page;
        do {
            page = changeLog.after(stream, key, lastSent, PAGE);
            for (Change change : page) {
                send(change);
            }
        } while (page.size() == PAGE && !closed);
    }

    private void send(Change change) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(change.id())).name(change.stream()).data(change.view()));
        lastSent = change.id();
    }
}
