package com.contractledger.query.stream;

import com.contractledger.query.common.ReadModelUpdates;
import com.contractledger.query.common.ReadModelUpdates.Update;
import com.contractledger.query.dispute.DisputeTimelineProjection;
import com.contractledger.query.milestone.MilestoneProjection;
import com.contractledger.query.summary.ContractSummaryProjection;
import jakarta.annotation.PreDestroy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Live read-model updates as Server-Sent Events. Each event's id is the global position of the event that changed the
 * view; a reconnecting client sends it back as {@code Last-Event-ID} and first receives every view changed since.
 */
@RestController
class ReadModelStreamController {

    private static final long HEARTBEAT_SECONDS = 15;

    private final ReadModelUpdates updates;
    private final ContractSummaryProjection contracts;
    private final DisputeTimelineProjection disputes;
    private final MilestoneProjection milestones;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    ReadModelStreamController(ReadModelUpdates updates, ContractSummaryProjection contracts,
                              DisputeTimelineProjection disputes, MilestoneProjection milestones) {
        this.updates = updates;
        this.contracts = contracts;
        this.disputes = disputes;
        this.milestones = milestones;
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    @GetMapping(path = "/api/stream/contracts", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter contracts(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return stream(ContractSummaryProjection.STREAM, update -> true, lastEventId == null ? List.of()
                : contracts.changedAfter(lastEventId, null).stream()
                .map(view -> new Update(ContractSummaryProjection.STREAM, view.id(), view.position(), view)).toList());
    }

    @GetMapping(path = "/api/stream/contracts/{contractId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter contract(@PathVariable String contractId,
                        @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return stream(ContractSummaryProjection.STREAM, update -> update.key().equals(contractId),
                lastEventId == null ? List.of() : contracts.changedAfter(lastEventId, contractId).stream()
                        .map(view -> new Update(ContractSummaryProjection.STREAM, view.id(), view.position(), view))
                        .toList());
    }

    @GetMapping(path = "/api/stream/disputes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter disputes(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return stream(DisputeTimelineProjection.STREAM, update -> true, lastEventId == null ? List.of()
                : disputes.changedAfter(lastEventId).stream()
                .map(view -> new Update(DisputeTimelineProjection.STREAM, view.id(), view.position(), view)).toList());
    }

    @GetMapping(path = "/api/stream/milestones", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter milestones(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        return stream(MilestoneProjection.STREAM, update -> true, lastEventId == null ? List.of()
                : milestones.changedAfter(lastEventId).stream()
                .map(view -> new Update(MilestoneProjection.STREAM, view.id(), view.position(), view)).toList());
    }

    private SseEmitter stream(String name, Predicate<Update> wanted, List<Update> missed) {
        SseEmitter emitter = new SseEmitter(0L);
        // Subscribe before catching up so nothing falls between the two; a view may then arrive twice, never not.
        Runnable unsubscribe = updates.subscribe(update -> {
            if (update.stream().equals(name) && wanted.test(update)) {
                send(emitter, update);
            }
        });
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                emitter.complete();
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        Runnable cleanUp = () -> {
            unsubscribe.run();
            heartbeat.cancel(false);
        };
        emitter.onCompletion(cleanUp);
        emitter.onTimeout(cleanUp);
        emitter.onError(error -> cleanUp.run());
        missed.stream().filter(wanted).forEach(update -> send(emitter, update));
        return emitter;
    }

    private static void send(SseEmitter emitter, Update update) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().id(Long.toString(update.position())).name(update.stream())
                        .data(update.view(), MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
