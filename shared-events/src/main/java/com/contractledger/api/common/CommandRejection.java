package com.contractledger.api.common;

/**
 * Why a command was refused, as data: the details of the {@code CommandExecutionException} a refused command ends
 * with, so that the refusal keeps its meaning across any command bus (in-process or through Axon Server, where the
 * exception's class does not travel). Nothing was stored.
 *
 * @param kind           what kind of refusal it is; the HTTP API answers with {@link Kind#status()}
 * @param detail         a sentence for the person who sent the command
 * @param currentVersion the aggregate's version, for a version conflict; otherwise {@code null}
 */
public record CommandRejection(Kind kind, String detail, Long currentVersion) {

    public enum Kind {
        /** A rule of the aggregate refuses the command. */
        RULE_VIOLATED(409, "Rule violated"),
        /** No aggregate under the id, or no entity (dispute, rectification, milestone) under the id named. */
        NOT_FOUND(404, "Not found"),
        /** {@code If-Match} named a version the aggregate has moved on from. */
        VERSION_CONFLICT(409, "Version conflict"),
        /** Something is already recorded under the id a creating command chose. */
        ALREADY_EXISTS(409, "Already exists"),
        /** Another write to the same aggregate was stored at the same moment. */
        CONCURRENT_WRITE(409, "Concurrent write"),
        /** An {@code Idempotency-Key} was used before for a different request. */
        IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused"),
        /** The event store could not be reached or refused the append for a reason of its own. */
        STORE_UNAVAILABLE(503, "Event store unavailable");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    public static CommandRejection of(Kind kind, String detail) {
        return new CommandRejection(kind, detail, null);
    }
}
