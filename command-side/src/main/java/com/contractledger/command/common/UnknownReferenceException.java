package com.contractledger.command.common;

/**
 * A command named an entity inside an aggregate that does not exist (a dispute, a rectification, a milestone given in
 * the path). Nothing was stored; the API answers 404.
 */
public class UnknownReferenceException extends RuntimeException {

    public UnknownReferenceException(String message) {
        super(message);
    }
}
