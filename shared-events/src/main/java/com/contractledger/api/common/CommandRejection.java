package com.contractledger.api.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a command was refused, as data: the details of the {@code CommandExecutionException} a refused command ends
 * with, so that the refusal keeps its meaning across any command bus (in-process or through Axon Server, where the
 * exception's class does not travel). Nothing was stored.
 *
 * @param kind           what kind of refusal it is; the HTTP API answers with {@link Kind#status()}
 * @param detail         a sentence for the person who sent the command
 * @param currentVersion the aggregate's version, for a version conflict; otherwise {@code null}
 * @param rule           for a broken rule, its stable code ({@code LOW_CREDIT_GUARANTEE}); otherwise {@code null}
 * @param statement      for a broken rule, the rule in one sentence; otherwise {@code null}
 * @param facts          for a broken rule, what decided it, in order, values as plain text; otherwise empty
 */
public record CommandRejection(Kind kind, String detail, Long currentVersion, String rule, String statement,
                               Map<String, String> facts) {

    public CommandRejection {
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public CommandRejection(Kind kind, String detail, Long currentVersion) {
        this(kind, detail, currentVersion, null, null, Map.of());
    }

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

    /** A command broke the rule {@code rule}, stated as {@code statement}; {@code facts} decided it. */
    public static CommandRejection ruleViolated(String rule, String statement, String detail, Map<String, String> facts) {
        return new CommandRejection(Kind.RULE_VIOLATED, detail, null, rule, statement, facts);
    }
}
