package com.contractledger.command.common;

/** Keys of the metadata every stored event carries. */
public final class LedgerMetaData {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REASON = "reason";
    /** Only on commands: the write's {@code Idempotency-Key} and the fingerprint of its request. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";

    private LedgerMetaData() {
    }
}
