package com.contractledger.query.webhook;

import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Queues each event for every endpoint that wants its type and existed when the event happened. An event processor of
 * its own ({@value #PROCESSING_GROUP}, with its own token) reads the events, so a restart resumes where it stopped
 * and nothing is skipped; an event read again queues nothing new.
 */
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    public static final String PROCESSING_GROUP = "webhooks";

    private final Webhooks webhooks;
    private final ObjectMapper json;

    WebhookOutbox(Webhooks webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        EventContext event = EventContext.of(message);
        String type = EventType.of(payload.getClass());
        if (webhooks.recent().stream().noneMatch(endpoint -> endpoint.wants(type))) {
            return;
        }
        webhooks.queue(type, event.eventId(), event.aggregateId(), event.sequence(), event.occurredAt(),
                body(type, ((DomainEventMessage<?>) message).getType(), event, payload));
    }

    /** The body every endpoint gets: the event's type and time, and the event with its audit data. */
    private String body(String type, String aggregateType, EventContext event, Object payload) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", event.eventId());
        data.put("aggregateType", aggregateType);
        data.put("aggregateId", event.aggregateId());
        data.put("sequence", event.sequence());
        data.put("actor", event.actor());
        data.put("correlationId", event.correlationId());
        data.put("payload", payload);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", event.occurredAt().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventId() + " cannot be written as JSON", e);
        }
    }
}
