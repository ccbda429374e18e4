package com.contractledger.command.web;

/** Body of every successful write: the aggregate and the version its latest event reached. */
public record WriteResponse(String id, long version) {
}
