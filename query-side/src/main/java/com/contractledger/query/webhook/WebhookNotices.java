package com.contractledger.query.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notifications the ledger sends to webhooks beside its events — what it concludes, such as a supplier's risk level
 * moving to HIGH — which are not domain events and are not stored as such. Each has a type endpoints subscribe to
 * like an event's, an id of its own (the same notice queued twice is sent once) and the subject it is about.
 */
public class WebhookNotices {

    /** The notices' types, which endpoints may name beside the events'. */
    public static final String SUPPLIER_RISK_LEVEL_CHANGED = "SupplierRiskLevelChanged";

    private final Webhooks webhooks;
    private final ObjectMapper json;

    WebhookNotices(Webhooks webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    public void publish(String type, String noticeId, String subjectId, Instant at, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            webhooks.queue(type, noticeId, subjectId, -1, at, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice " + noticeId + " cannot be written as JSON", e);
        }
    }
}
