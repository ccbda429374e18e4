package com.contractledger.query.stream;

import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.dispute.DisputeTimelineProjection;
import com.contractledger.query.milestone.MilestoneProjection;
import com.contractledger.query.risk.SupplierRiskProjection;
import com.contractledger.query.summary.ContractSummaryProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live read-model updates as Server-Sent Events. Each event's id is the number of the change in the
 * {@link ReadModelChangeLog}; a reconnecting client sends the last one back as {@code Last-Event-ID} and first receives
 * every change of its stream recorded after it, in order, then the live ones. A comment line every
 * {@code ledger.stream.heartbeat} (15 s) keeps idle connections open through proxies. A connection lasts at most
 * {@link #CONNECTION_TIMEOUT} (clients reconnect and resume) and every connection is completed when the application
 * shuts down, so a connected dashboard never holds up a shutdown. A user holds at most
 * {@code ledger.stream.max-per-user} (16) streams at once; one more is refused with 429.
 */
@RestController
class ReadModelStreamController {

    static final Duration CONNECTION_TIMEOUT = Duration.ofMinutes(30);

    private final ReadModelChangeLog changeLog;
    private final int maxPerUser;
    private final Map<String, AtomicInteger> openPerUser = new ConcurrentHashMap<>();
    private final Set<StreamSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newFixedThreadPool(4, daemon("sse-sender"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeats"));
    private volatile boolean stopped;

    ReadModelStreamController(ReadModelChangeLog changeLog,
                              @Value("${ledger.stream.heartbeat:PT15S}") Duration heartbeat,
                              @Value("${ledger.stream.max-per-user:16}") int maxPerUser) {
        this.changeLog = changeLog;
        this.maxPerUser = maxPerUser;
        heartbeats.scheduleAtFixedRate(() -> subscriptions.forEach(StreamSubscription::heartbeat),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for every open stream. */
    @EventListener(ContextClosedEvent.class)
    void completeAll() {
        stopped = true;
        heartbeats.shutdownNow();
        subscriptions.forEach(StreamSubscription::close);
        subscriptions.clear();
        senders.shutdown();
    }

    @GetMapping(path = "/api/stream/contracts", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> contracts(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                               Principal user) {
        return subscribe(user, ContractSummaryProjection.STREAM, null, lastEventId);
    }

    @GetMapping(path = "/api/stream/contracts/{contractId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> contract(@PathVariable String contractId,
                               @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                               Principal user) {
        return subscribe(user, ContractSummaryProjection.STREAM, contractId, lastEventId);
    }

    @GetMapping(path = "/api/stream/disputes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> disputes(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                               Principal user) {
        return subscribe(user, DisputeTimelineProjection.STREAM, null, lastEventId);
    }

    @GetMapping(path = "/api/stream/milestones", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> milestones(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                               Principal user) {
        return subscribe(user, MilestoneProjection.STREAM, null, lastEventId);
    }

    /** Each reminder the system raises, as {@code ReminderView}. */
    @GetMapping(path = "/api/stream/reminders", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> reminders(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                                Principal user) {
        return subscribe(user, MilestoneProjection.REMINDER_STREAM, null, lastEventId);
    }

    /** Each change of a supplier's risk level, as {@code RiskLevelChange}. */
    @GetMapping(path = "/api/stream/risk", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> risk(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                           Principal user) {
        return subscribe(user, SupplierRiskProjection.STREAM, null, lastEventId);
    }

    private ResponseEntity<?> subscribe(Principal user, String stream, String key, Long lastEventId) {
        AtomicInteger open = openPerUser.computeIfAbsent(user.getName(), name -> new AtomicInteger());
        if (open.incrementAndGet() > maxPerUser) {
            open.decrementAndGet();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "you have "
                    + maxPerUser + " streams open; close one before opening another");
            problem.setTitle("Too many open streams");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "30")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        };
        SseEmitter emitter = new SseEmitter(CONNECTION_TIMEOUT.toMillis());
        StreamSubscription subscription = new StreamSubscription(changeLog, stream, key, lastEventId, emitter,
                senders);
        // Listen before the catch-up reads the log, so a change lands in the log read, the live queue or both.
        Runnable unsubscribe = changeLog.subscribe(subscription::offer);
        Runnable cleanUp = () -> {
            unsubscribe.run();
            subscriptions.remove(subscription);
            release.run();
        };
        emitter.onCompletion(cleanUp);
        emitter.onTimeout(cleanUp);
        emitter.onError(error -> cleanUp.run());
        subscriptions.add(subscription);
        if (stopped) {
            // connected while the application stops: ended at once, the client reconnects elsewhere or later
            subscription.close();
        } else {
            subscription.start();
        }
        return ResponseEntity.ok(emitter);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
