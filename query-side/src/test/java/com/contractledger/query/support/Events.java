package com.contractledger.query.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds event messages as a tracking processor hands them to a projection: per aggregate a running sequence number,
 * a global position over all aggregates, audit metadata. Keeps every message so a test can redeliver or replay it.
 */
public final class Events {

    private final Map<String, Long> sequences = new HashMap<>();
    private long position = 0;
    private Instant clock = Instant.parse("2026-11-20T08:00:00Z");

    public TrackedEventMessage<?> of(String aggregateId, Object payload) {
        return of(aggregateId, payload, "buyer", null);
    }

    public TrackedEventMessage<?> of(String aggregateId, Object payload, String actor, String reason) {
        long sequence = sequences.merge(aggregateId, 0L, (old, ignored) -> old + 1);
        position++;
        clock = clock.plusSeconds(60);
        Map<String, Object> metaData = new HashMap<>();
        metaData.put("actor", actor);
        metaData.put("correlationId", "corr-" + position);
        if (reason != null) {
            metaData.put("reason", reason);
        }
        var message = new GenericDomainEventMessage<>(payload.getClass().getSimpleName().startsWith("Contract")
                || payload.getClass().getSimpleName().startsWith("Dispute") ? "Contract" : "SupplierRelationship",
                aggregateId, sequence, payload, MetaData.from(metaData), UUID.randomUUID().toString(), clock);
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message);
    }

    /** The same message as a replaying processor would deliver it. */
    public static TrackedEventMessage<?> replayed(TrackedEventMessage<?> message) {
        var token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000_000), message.trackingToken());
        return ((GenericTrackedDomainEventMessage<?>) message).withTrackingToken(token);
    }
}
