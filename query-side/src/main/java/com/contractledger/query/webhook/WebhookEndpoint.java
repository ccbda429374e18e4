package com.contractledger.query.webhook;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * A subscriber's URL and the event types it wants ({@code *} for all). Secrets sign its deliveries: the newest first;
 * after a rotation the previous one stays valid until its {@code expiresAt}.
 */
record WebhookEndpoint(@Id String id, String url, List<String> eventTypes, String description, List<Secret> secrets,
                       boolean enabled, String disabledReason, Instant createdAt, Instant failingSince) {

    static final String ALL = "*";

    record Secret(String value, Instant expiresAt) {
    }

    boolean wants(String type) {
        return eventTypes.contains(ALL) || eventTypes.contains(type);
    }

    List<String> validSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.expiresAt() == null || secret.expiresAt().isAfter(now))
                .map(Secret::value).toList();
    }

    /** What ADMIN reads of an endpoint: everything but its secrets. */
    record View(String webhookId, String url, List<String> eventTypes, String description, boolean enabled,
                String disabledReason, Instant createdAt, Instant failingSince) {
    }

    View view() {
        return new View(id, url, eventTypes, description, enabled, disabledReason, createdAt, failingSince);
    }
}
