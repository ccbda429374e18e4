package com.contractledger.command.web;

/** Another request with the same key is still being processed; answered 409, retry later. */
class IdempotencyKeyInUseException extends RuntimeException {

    IdempotencyKeyInUseException() {
        super("a request with this Idempotency-Key is still being processed; retry shortly");
    }
}
