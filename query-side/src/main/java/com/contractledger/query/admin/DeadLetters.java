package com.contractledger.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a projection could not apply. Each projection has a dead-letter queue (Axon's sequenced queue, kept in
 * MongoDB beside the views): an event whose handler fails is parked there with its cause, and so is every later event
 * of the same aggregate, while the projection goes on with the others. Nothing is skipped silently; an administrator
 * sees the letters, and retries them once the cause is mended.
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** One parked event and why. */
    public record Letter(String aggregateId, Long aggregateSequence, String eventId, String type, Instant enqueuedAt,
                         Instant lastTouched, String cause, String causeMessage) {
    }

    /** What a retry did: sequences applied in full, and letters still waiting. */
    public record Retry(int sequencesApplied, long lettersWaiting) {
    }

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Letters waiting for {@code projection}; {@code null} while the queue cannot be read. */
    public Long waiting(String projection) {
        try {
            return processing.deadLetterQueue(projection).map(SequencedDeadLetterQueue::size).orElse(0L);
        } catch (RuntimeException unreadable) {
            log.debug("dead letters of {} unknown", projection, unreadable);
            return null;
        }
    }

    /** The first {@code limit} letters, oldest sequence first. */
    public List<Letter> list(String projection, int limit) {
        List<Letter> letters = new ArrayList<>();
        processing.deadLetterQueue(projection).ifPresent(queue -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() == limit) {
                        return;
                    }
                    letters.add(letter(letter));
                }
            }
        });
        return letters;
    }

    /** Applies the waiting sequences again, each as a whole; a sequence that fails again stays, with the new cause. */
    public Retry retry(String projection) {
        int applied = 0;
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(projection).orElse(null);
        long sequences = processing.deadLetterQueue(projection).map(SequencedDeadLetterQueue::amountOfSequences)
                .orElse(0L);
        for (long attempt = 0; processor != null && attempt < sequences; attempt++) {
            if (processor.processAny()) {
                applied++;
            }
        }
        Long waiting = waiting(projection);
        return new Retry(applied, waiting == null ? 0 : waiting);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long aggregateSequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(aggregateId, aggregateSequence, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                letter.enqueuedAt(), letter.lastTouched(), letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null));
    }
}
