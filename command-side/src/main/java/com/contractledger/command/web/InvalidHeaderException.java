package com.contractledger.command.web;

/** A request header that the API reads is malformed; answered 400 naming the header. */
class InvalidHeaderException extends RuntimeException {

    private final String header;

    InvalidHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    String header() {
        return header;
    }
}
