package com.contractledger.command.common;

/** The key was already used by this user for a different request; answered 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
