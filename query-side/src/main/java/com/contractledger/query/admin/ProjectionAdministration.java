package com.contractledger.query.admin;

import com.contractledger.query.QuerySideConfiguration;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.common.ReadModelGenerations.Registry;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Positions, lag and replays of the projections' streaming processors. A replay shuts the processor down, resets its
 * tokens (the projection's reset handler starts a new generation of its collections) and starts it again; a watcher
 * makes the new generation live once no segment of the processor is replaying any more, i.e. once it has caught up
 * with every event stored when the replay began. The API reads the previous generation until then.
 */
@Service
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);
    private static final long WATCH_MILLIS = 200;
    private static final Duration RESET_RETRY = Duration.ofSeconds(1);

    /** No processor of that name. */
    public static class UnknownProjectionException extends RuntimeException {
        UnknownProjectionException(String name) {
            super("no projection " + name);
        }
    }

    /** A replay of that processor is running. */
    public static class ReplayRunningException extends RuntimeException {
        ReplayRunningException(String name) {
            super("a replay of " + name + " is running");
        }
    }

    /** Another query-side instance processes some of the processor's segments, so its tokens cannot be reset here. */
    public static class SegmentsClaimedElsewhereException extends RuntimeException {
        SegmentsClaimedElsewhereException(String name, Throwable cause) {
            super("segments of " + name + " are being processed by another query-side instance; a replay needs them "
                    + "all: run one query-side instance while it starts", cause);
        }
    }

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final ReadModelGenerations generations;
    private final DeadLetters deadLetters;
    private final Map<String, Instant> nextResetAttempt = new ConcurrentHashMap<>();
    /**
     * Replays to start when this process started, with why: found interrupted half-way through their token reset, or
     * the read model's layout changed.
     */
    private final Map<String, String> replaysToStart = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionAdministration(EventProcessingConfiguration processing, TokenStore tokenStore,
                                    EventStore eventStore, ReadModelGenerations generations, DeadLetters deadLetters) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.generations = generations;
        this.deadLetters = deadLetters;
    }

    /**
     * Only once the application is ready: before, Axon's lifecycle may still be starting the processors, and
     * restarting an interrupted replay at the same time could start a processor on its tokens from before the reset.
     */
    @EventListener(ApplicationReadyEvent.class)
    void watchReplays() {
        for (String name : names()) {
            if (generations.isResetInterrupted(name)) {
                replaysToStart.put(name, "it was interrupted while its tokens were reset");
            } else if (generations.writesOutdatedLayout(name)) {
                replaysToStart.put(name, "its read model is stored in a layout this version does not read");
            }
        }
        watcher.scheduleWithFixedDelay(this::completeFinishedReplays, WATCH_MILLIS, WATCH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }

    public List<ProjectionStatus> projections() {
        Long head = head();
        return processors().stream().sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head)).toList();
    }

    /** The projections' names, known without asking the event store anything. */
    public List<String> names() {
        return processors().stream().map(StreamingEventProcessor::getName).sorted().toList();
    }

    public ProjectionStatus projection(String name) {
        return status(processor(name), head());
    }

    /** Starts a rebuild of {@code name}'s read model into a new generation; returns at once. */
    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        refuseWhileReplaying(List.of(processor));
        log.info("Replaying projection {}", name);
        restartReplays(List.of(processor));
        return status(processor, head());
    }

    /**
     * Starts a rebuild of every projection's read model at once, each into a new generation; returns at once. They
     * start from the same position together, so they share their reads of the event store. All or none: refused while
     * any of them replays or has a segment processed elsewhere.
     */
    public synchronized List<ProjectionStatus> replayAll() {
        List<StreamingEventProcessor> processors = processors();
        refuseWhileReplaying(processors);
        log.info("Replaying every projection");
        restartReplays(processors);
        return projections();
    }

    private void refuseWhileReplaying(List<StreamingEventProcessor> processors) {
        for (StreamingEventProcessor processor : processors) {
            if (generations.isBuilding(processor.getName())) {
                throw new ReplayRunningException(processor.getName());
            }
        }
    }

    /**
     * Stops the processors, claims every segment of each (so that none is reset unless all can be) and resets their
     * tokens, then starts them again whatever happened.
     */
    private void restartReplays(List<StreamingEventProcessor> processors) {
        processors.stream().map(StreamingEventProcessor::shutdownAsync).toList().forEach(CompletableFuture::join);
        try {
            claimEverySegment(processors);
            for (StreamingEventProcessor processor : processors) {
                try {
                    processor.resetTokens();
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    throw new SegmentsClaimedElsewhereException(processor.getName(), claimedElsewhere);
                }
                generations.tokensReset(processor.getName());
            }
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
    }

    private void claimEverySegment(List<StreamingEventProcessor> processors) {
        Map<String, List<Integer>> claimed = new LinkedHashMap<>();
        for (StreamingEventProcessor processor : processors) {
            String name = processor.getName();
            for (int segment : tokenStore.fetchSegments(name)) {
                try {
                    tokenStore.fetchToken(name, segment);
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    claimed.forEach((claimer, segments) -> segments.forEach(
                            mine -> tokenStore.releaseClaim(claimer, mine)));
                    throw new SegmentsClaimedElsewhereException(name, claimedElsewhere);
                }
                claimed.computeIfAbsent(name, key -> new ArrayList<>()).add(segment);
            }
        }
    }

    void completeFinishedReplays() {
        try {
            for (StreamingEventProcessor processor : processors()) {
                String name = processor.getName();
                generations.refresh(name);
                if (replaysToStart.containsKey(name)) {
                    startPendingReplay(processor);
                } else if (generations.isBuilding(name) && hasCaughtUp(processor)) {
                    generations.complete(name);
                    log.info("Replay of {} caught up; generation {} is live", name,
                            generations.registry(name).live());
                }
            }
        } catch (RuntimeException e) {
            log.warn("checking replays failed", e);
        }
    }

    /**
     * A crash between the reset handler and the last token write left segments that will never replay into the new
     * generation, so the whole replay starts again; a read model whose layout changed is rebuilt in the new one. The
     * tokens may still be claimed by a crashed process until their claims time out, so this is retried on every tick
     * until it succeeds.
     */
    private synchronized void startPendingReplay(StreamingEventProcessor processor) {
        Instant now = Instant.now();
        if (now.isBefore(nextResetAttempt.getOrDefault(processor.getName(), Instant.MIN))) {
            return;
        }
        nextResetAttempt.put(processor.getName(), now.plus(RESET_RETRY));
        try {
            restartReplays(List.of(processor));
            log.warn("Replaying {}: {}", processor.getName(), replaysToStart.remove(processor.getName()));
        } catch (RuntimeException stillClaimed) {
            log.debug("Cannot reset the tokens of {} yet", processor.getName(), stillClaimed);
        }
    }

    /**
     * Every segment claimed here has handled every event up to where the store ended at the reset. Axon reports a
     * segment as replaying until an event after that point arrives, which may take long on a quiet system, so the
     * positions decide; a segment's position moves only after its batch was handled.
     */
    private boolean hasCaughtUp(StreamingEventProcessor processor) {
        if (!processor.isRunning() || processor.isError()) {
            return false;
        }
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        return statuses.size() == segments && statuses.stream().allMatch(ProjectionAdministration::replayed);
    }

    private static boolean replayed(EventTrackerStatus status) {
        return !status.isReplaying() || (status.getCurrentPosition().isPresent()
                && status.getCurrentPosition().getAsLong() >= status.getResetPosition().orElse(Long.MAX_VALUE));
    }

    private ProjectionStatus status(StreamingEventProcessor processor, Long head) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        Long min = statuses.stream().map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).min(Long::compare).orElse(null);
        Long max = statuses.stream().map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).max(Long::compare).orElse(null);
        Long lag = head == null ? null : Math.max(0, head - (min == null ? 0 : min));
        Registry registry = generations.registry(processor.getName());
        // Axon calls a segment replaying until an event after the reset point reaches it; here a replay lasts until
        // its generation went live.
        boolean replaying = registry.building() != null;
        return new ProjectionStatus(processor.getName(), processor.isRunning(), processor.isError(), statuses.size(),
                min, max, head, lag, replaying, replaying ? progress(statuses) : null, registry.live(),
                registry.building(), deadLetters.waiting(processor.getName()));
    }

    /** The share of the events up to the reset point that the slowest replaying segment has handled. */
    private static int progress(Collection<EventTrackerStatus> statuses) {
        int progress = statuses.isEmpty() ? 0 : 100;
        for (EventTrackerStatus status : statuses) {
            if (!replayed(status)) {
                long reset = status.getResetPosition().orElse(0);
                long current = status.getCurrentPosition().orElse(0);
                int share = reset <= 0 ? 0 : (int) Math.min(99, current * 100 / reset);
                progress = Math.min(progress, share);
            }
        }
        return progress;
    }

    /** The position of the store's last event; unknown (no lag figure) while the store cannot be reached. */
    private Long head() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            return head == null ? null : head.position().stream().boxed().findFirst().orElse(null);
        } catch (RuntimeException unreachable) {
            log.debug("head of the event store unknown", unreachable);
            return null;
        }
    }

    /** The projections' processors; others (the webhooks' outbox) keep their own position and are not replayed. */
    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(processor -> QuerySideConfiguration.PROJECTIONS.contains(processor.getName())).toList();
    }

    private StreamingEventProcessor processor(String name) {
        Optional<StreamingEventProcessor> processor = processors().stream()
                .filter(candidate -> candidate.getName().equals(name)).findFirst();
        return processor.orElseThrow(() -> new UnknownProjectionException(name));
    }
}
