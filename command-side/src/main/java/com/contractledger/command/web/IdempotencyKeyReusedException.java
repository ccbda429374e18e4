package com.contractledger.command.web;

/** The key was already used by this user for a different request; answered 422. */
class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
