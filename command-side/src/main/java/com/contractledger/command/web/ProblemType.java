package com.contractledger.command.web;

import com.contractledger.api.common.CommandRejection.Kind;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code type} of every problem the write API answers with: a URI reference to its section of the rules and
 * problems page (docs/rules.md), one per kind of failure and one per rule code, so that a client can switch on it.
 */
public enum ProblemType {

    INVALID_REQUEST(400, "Invalid request", "A field or parameter breaks the request's constraints; `errors[]` names "
            + "each one."),
    MALFORMED_REQUEST(400, "Malformed request", "The body is not JSON of the request's shape, or a path parameter or "
            + "header holds characters that are refused; `errors[]` names the field when there is one."),
    INVALID_HEADER(400, "Invalid header", "A header the write reads (`If-Match`, `Idempotency-Key`, "
            + "`X-Correlation-Id`) is malformed; `errors[]` names it."),
    NOT_FOUND(Kind.NOT_FOUND, "No contract or supplier under the id, or no dispute, rectification or milestone under "
            + "the id in the path."),
    VERSION_CONFLICT(Kind.VERSION_CONFLICT, "`If-Match` named a version the aggregate has moved on from; "
            + "`currentVersion` says where it is."),
    ALREADY_EXISTS(Kind.ALREADY_EXISTS, "Something is already recorded under the id a creating write chose."),
    CONCURRENT_WRITE(Kind.CONCURRENT_WRITE, "Another write to the same record was stored at the same moment; read "
            + "and retry."),
    REQUEST_TOO_LARGE(413, "Request too large", "The body is larger than the limit."),
    IDEMPOTENCY_KEY_REUSED(Kind.IDEMPOTENCY_KEY_REUSED, "The `Idempotency-Key` was used before with another "
            + "request."),
    INTERNAL_ERROR(500, "Internal error", "The request failed for a reason of the server's; nothing was stored."),
    STORE_UNAVAILABLE(Kind.STORE_UNAVAILABLE, "The event store cannot be reached; nothing was stored, retry "
            + "after `Retry-After`."),
    ROUTER_UNAVAILABLE(503, "Command router unavailable", "The write could not be delivered to a command side; "
            + "nothing was stored, retry after `Retry-After`.");

    /** Where the sections live: docs/rules.md as published next to the API. */
    public static final String PAGE = "/docs/rules";

    private final int status;
    private final String title;
    private final String meaning;

    ProblemType(int status, String title, String meaning) {
        this.status = status;
        this.title = title;
        this.meaning = meaning;
    }

    /** A refused command's problem: its status and title are its kind's. */
    ProblemType(Kind kind, String meaning) {
        this(kind.status(), kind.title(), meaning);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What the problem means, for the documentation. */
    public String meaning() {
        return meaning;
    }

    /** The section's anchor: the name in lower case with hyphens ({@code not-found}), never a rule code's form. */
    public String anchor() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public URI uri() {
        return URI.create(PAGE + "#" + anchor());
    }

    /** The type of a broken rule: its code is the anchor ({@code /docs/rules#LOW_CREDIT_GUARANTEE}). */
    public static URI ofRule(String code) {
        return URI.create(PAGE + "#" + code);
    }

    /** The type of a refusal of a kind other than a broken rule. */
    public static ProblemType of(Kind kind) {
        if (kind == Kind.RULE_VIOLATED) {
            throw new IllegalArgumentException("a broken rule's type is its code's: ProblemType.ofRule(code)");
        }
        return valueOf(kind.name());
    }
}
