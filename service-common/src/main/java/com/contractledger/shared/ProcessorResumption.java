package com.contractledger.shared;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Resumes the event processors as soon as their event source (Axon Server) is reachable again. While it is away a
 * processor waits between attempts in an error back-off that Axon doubles up to a minute and offers no setting for;
 * a processor still waiting when the connection returns is restarted, which starts it from its stored tokens at once.
 */
public final class ProcessorResumption {

    private static final Logger log = LoggerFactory.getLogger(ProcessorResumption.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final BooleanSupplier sourceReachable;
    private final Supplier<Collection<StreamingEventProcessor>> processors;
    private final Duration interval;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "processor-resumption");
        thread.setDaemon(true);
        return thread;
    });
    private boolean wasReachable = true;

    ProcessorResumption(BooleanSupplier sourceReachable, Supplier<Collection<StreamingEventProcessor>> processors,
                        Duration interval) {
        this.sourceReachable = sourceReachable;
        this.processors = processors;
        this.interval = interval;
    }

    static ProcessorResumption of(BooleanSupplier sourceReachable, EventProcessingConfiguration processing,
                                  Duration interval) {
        return new ProcessorResumption(sourceReachable, () -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .toList(), interval);
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        watcher.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }

    /** Restarts the processors in error back-off, only on the change from unreachable to reachable. */
    void check() {
        try {
            boolean reachable = sourceReachable.getAsBoolean();
            if (reachable && !wasReachable) {
                processors.get().stream().filter(StreamingEventProcessor::isError)
                        .forEach(ProcessorResumption::restart);
            }
            wasReachable = reachable;
        } catch (RuntimeException e) {
            log.warn("cannot resume the event processors yet", e);
        }
    }

    private static void restart(StreamingEventProcessor processor) {
        log.info("event source reachable again: restarting processor {} from its tokens", processor.getName());
        processor.shutdownAsync().orTimeout(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        processor.start();
    }
}
