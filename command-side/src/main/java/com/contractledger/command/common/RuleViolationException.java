package com.contractledger.command.common;

/**
 * A command broke a rule of an aggregate. Nothing was stored; the API answers 409 with this message.
 */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
