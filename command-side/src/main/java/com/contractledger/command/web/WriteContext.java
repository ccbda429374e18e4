package com.contractledger.command.web;

/**
 * What a write request says besides its body: who asks, the version it expects ({@code If-Match}), its
 * {@code Idempotency-Key}, the correlation id tying it to the caller's own trail, and the reason to record.
 */
public record WriteContext(String actor, Long expectedVersion, String idempotencyKey, String correlationId,
                           String method, String path, String reason) {

    public WriteContext because(String reason) {
        return new WriteContext(actor, expectedVersion, idempotencyKey, correlationId, method, path, reason);
    }
}
