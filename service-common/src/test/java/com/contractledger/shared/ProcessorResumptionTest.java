package com.contractledger.shared;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProcessorResumptionTest {

    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final StreamingEventProcessor waiting = processor("contract-summaries", true);
    private final StreamingEventProcessor healthy = processor("spend", false);
    private final ProcessorResumption resumption =
            new ProcessorResumption(reachable::get, () -> List.of(waiting, healthy), Duration.ofSeconds(1));

    @Test
    void processors_waiting_in_back_off_are_restarted_when_the_source_returns() {
        resumption.check();
        reachable.set(false);
        resumption.check();
        resumption.check();
        verify(waiting, never()).start();

        reachable.set(true);
        resumption.check();

        verify(waiting).shutdownAsync();
        verify(waiting).start();
        verify(healthy, never()).shutdownAsync();
        verify(healthy, never()).start();
    }

    @Test
    void a_processor_in_error_while_the_source_stays_reachable_is_left_to_its_own_retries() {
        resumption.check();
        resumption.check();

        verify(waiting, never()).start();
    }

    @Test
    void the_restart_happens_once_per_return() {
        reachable.set(false);
        resumption.check();
        reachable.set(true);
        resumption.check();
        resumption.check();

        verify(waiting, times(1)).start();
    }

    private static StreamingEventProcessor processor(String name, boolean inError) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(name);
        when(processor.isError()).thenReturn(inError);
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        return processor;
    }
}
