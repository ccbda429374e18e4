package com.contractledger.shared;

import com.contractledger.api.common.CommandRejection.Kind;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code type} of every problem the API answers with: a URI reference to its section of the rules and problems
 * page (docs/rules.md), one per kind of failure and one per rule code, so that a client can switch on it. A problem
 * raised without a type of its own gets its status's ({@link #forStatus}).
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
            + "nothing was stored, retry after `Retry-After`."),
    UNAUTHENTICATED(401, "Unauthorized", "No credentials, or wrong ones: a password, or a bearer token that is "
            + "expired, not yet valid, of another audience or issuer, or badly signed."),
    FORBIDDEN(403, "Forbidden", "The credentials are good but their roles may not do this."),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "The path exists but not for this method."),
    NOT_ACCEPTABLE(406, "Not Acceptable", "The answer cannot be given in a media type the request accepts."),
    REQUEST_TIMEOUT(408, "Request Timeout", "The body paused longer than the upload time-out; nothing was stored."),
    CONFLICT(409, "Conflict", "The request conflicts with the state of what it names (a replay already running, say)."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "The body is not of a media type the operation takes."),
    TOO_MANY_REQUESTS(429, "Too Many Requests", "Too many failed sign-ins, or too many open streams; retry after "
            + "`Retry-After`."),
    UNAVAILABLE(503, "Service Unavailable", "The service cannot answer now (a store it reads cannot be reached, or too "
            + "many bodies are arriving at once); retry after `Retry-After`.");

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

    /** A problem of this type: its status, type and title, with {@code detail}. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    /** The type of a problem raised with nothing but its status, if there is one for that status. */
    public static Optional<ProblemType> forStatus(int status) {
        return switch (status) {
            case 400 -> Optional.of(INVALID_REQUEST);
            case 401 -> Optional.of(UNAUTHENTICATED);
            case 403 -> Optional.of(FORBIDDEN);
            case 404 -> Optional.of(NOT_FOUND);
            case 405 -> Optional.of(METHOD_NOT_ALLOWED);
            case 406 -> Optional.of(NOT_ACCEPTABLE);
            case 408 -> Optional.of(REQUEST_TIMEOUT);
            case 409 -> Optional.of(CONFLICT);
            case 413 -> Optional.of(REQUEST_TOO_LARGE);
            case 415 -> Optional.of(UNSUPPORTED_MEDIA_TYPE);
            case 429 -> Optional.of(TOO_MANY_REQUESTS);
            case 500 -> Optional.of(INTERNAL_ERROR);
            case 503 -> Optional.of(UNAVAILABLE);
            default -> Optional.empty();
        };
    }

    /** The type of a refusal of a kind other than a broken rule. */
    public static ProblemType of(Kind kind) {
        if (kind == Kind.RULE_VIOLATED) {
            throw new IllegalArgumentException("a broken rule's type is its code's: ProblemType.ofRule(code)");
        }
        return valueOf(kind.name());
    }
}
