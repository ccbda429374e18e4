package com.contractledger.query.webhook;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * One event for one endpoint: queued when the event is processed, sent until it succeeds or is dead-lettered, with
 * every attempt logged. Its id is the endpoint's and the event's, so an event processed again queues nothing new.
 * {@code deliveryId} is the event id, sent as {@code webhook-id} on every attempt.
 */
record WebhookDelivery(@Id String id, String webhookId, String deliveryId, String type, String aggregateId,
                       long sequence, Instant queuedAt, String body, Status status, List<Attempt> attempts,
                       Instant nextAttemptAt, Instant deliveredAt) {

    enum Status {
        /** Not sent yet. */
        PENDING,
        /** The last attempt failed; it is tried again at {@code nextAttemptAt}. */
        FAILED,
        SUCCEEDED,
        /** Every retry failed; sent again only by hand. */
        DEAD
    }

    /** One attempt: the response's status code, or the error when there was no response. */
    record Attempt(Instant at, Integer statusCode, long durationMs, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    static String id(String webhookId, String eventId) {
        return webhookId + ":" + eventId;
    }

    /** What ADMIN reads of a delivery: everything but the body. */
    record View(String deliveryId, String type, String aggregateId, long sequence, Instant queuedAt, Status status,
                List<Attempt> attempts, Instant nextAttemptAt, Instant deliveredAt) {
    }

    View view() {
        return new View(deliveryId, type, aggregateId, sequence, queuedAt, status, attempts, nextAttemptAt,
                deliveredAt);
    }
}
