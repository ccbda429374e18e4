package com.contractledger.query.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;

/**
 * What a projection needs to know about the message an event came in: its id, the aggregate and the aggregate's
 * sequence number, the global position in the event stream (-1 when not tracked), when it happened, the audit metadata
 * and whether it is being replayed.
 */
public record EventContext(String eventId, String aggregateId, long sequence, long position, Instant occurredAt,
                           String actor, String reason, String correlationId, boolean replay) {

    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";

    public static EventContext of(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            throw new IllegalArgumentException("projections read aggregate events only, got " + message.getPayloadType());
        }
        long position = -1;
        boolean replay = false;
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            position = tracked.trackingToken().position().orElse(-1);
            replay = ReplayToken.isReplay(tracked);
        }
        return new EventContext(message.getIdentifier(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), position, message.getTimestamp(),
                metaData(message, ACTOR), metaData(message, REASON), metaData(message, CORRELATION_ID), replay);
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
