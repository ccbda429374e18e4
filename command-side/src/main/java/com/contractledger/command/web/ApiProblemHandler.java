package com.contractledger.command.web;

import com.contractledger.shared.FieldProblem;
import com.contractledger.shared.ProblemType;
import com.contractledger.api.common.CommandRejection;
import com.contractledger.command.common.CommandRejections;
import com.contractledger.shared.Failures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem: 400 for malformed input with the fields at fault; for a refused command
 * the status its {@link CommandRejection} names (404 unknown id, 409 rule or version conflict, 422 reused idempotency
 * key); 503 with {@code Retry-After} when the event store or the command router cannot be reached. Internals never
 * leak.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(InvalidHeaderException.class)
    ProblemDetail invalidHeader(InvalidHeaderException e) {
        ProblemDetail problem = problem(ProblemType.INVALID_HEADER, e.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(e.header(), e.getMessage())));
        return problem;
    }

    /** Spring Security's firewall checks a header's value when it is read: bytes it does not accept are bad input. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail requestRejected(RequestRejectedException e) {
        return problem(ProblemType.MALFORMED_REQUEST, "a header holds characters that are refused; send printable ASCII");
    }

    /**
     * A refused command, whether refused by this process or, through Axon Server, by another: the rejection it carries
     * as data decides the answer, never the exception's class.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception e) {
        Optional<CommandRejection> rejection = CommandRejections.of(e, false);
        if (rejection.isPresent()) {
            return answer(rejection.get());
        }
        if (routerUnavailable(e)) {
            log.warn("command not delivered: {}", e.toString());
            return unavailable(ProblemType.ROUTER_UNAVAILABLE,
                    "the write could not be delivered; nothing was stored, retry");
        }
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(
                problem(ProblemType.INTERNAL_ERROR, "the request failed; nothing was stored"));
    }

    /**
     * A broken rule answers with its own type and its statement as the title, its code as {@code rule} and the facts
     * that decided it; every other refusal with the type of its kind.
     */
    private ResponseEntity<ProblemDetail> answer(CommandRejection rejection) {
        if (rejection.kind() == CommandRejection.Kind.STORE_UNAVAILABLE) {
            return unavailable(ProblemType.STORE_UNAVAILABLE, rejection.detail());
        }
        ProblemDetail problem;
        if (rejection.rule() != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(rejection.kind().status()),
                    rejection.detail());
            problem.setType(ProblemType.ofRule(rejection.rule()));
            problem.setTitle(rejection.statement());
        } else {
            problem = problem(ProblemType.of(rejection.kind()), rejection.detail());
        }
        problem.setProperty("kind", rejection.kind());
        if (rejection.rule() != null) {
            problem.setProperty("rule", rejection.rule());
            problem.setProperty("facts", rejection.facts());
        }
        if (rejection.currentVersion() != null) {
            problem.setProperty("currentVersion", rejection.currentVersion());
        }
        return ResponseEntity.status(rejection.kind().status()).body(problem);
    }

    private ResponseEntity<ProblemDetail> unavailable(ProblemType type, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem(type, detail));
    }

    /** Axon Server could not route the command: it is unreachable or no command side is connected to it. */
    private static boolean routerUnavailable(Throwable failure) {
        return Failures.anyCause(failure, cause -> cause instanceof AxonServerCommandDispatchException
                || cause instanceof NoHandlerForCommandException || Failures.isAxonServerUnreachable(cause));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(problem(ProblemType.REQUEST_TOO_LARGE, cause.getMessage()));
            }
        }
        ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST, "the request body is not valid");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            FieldProblem field = new FieldProblem(path(mapping), describe(mapping));
            problem.setDetail(field.field() + ": " + field.message());
            problem.setProperty("errors", List.of(field));
        } else if (e.getCause() instanceof JsonMappingException) {
            // the body as a whole has the wrong shape (an array, a string): the message would name internal types
            problem.setDetail("the body must be a JSON object with the fields this request takes");
        } else if (e.getCause() instanceof JsonProcessingException parsing) {
            problem.setDetail("the body is not valid JSON: " + parsing.getOriginalMessage());
        } else if (e.getCause() == null) {
            problem.setDetail("a JSON body is required");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return invalid(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
                                                                            @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status,
                                                                            @NonNull WebRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream().map(error -> new FieldProblem(error.getField(), message(error)))
                        : result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return invalid(fields);
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> fields) {
        ProblemDetail problem = problem(ProblemType.INVALID_REQUEST,
                fields.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InputDomains.OutOfDomainException outOfDomain) {
            return outOfDomain.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + expected(mismatched.getTargetType());
        }
        return "is not valid";
    }

    private static String expected(Class<?> type) {
        Map<Class<?>, String> names = Map.of(
                java.math.BigDecimal.class, "a decimal number or a string holding one",
                java.time.LocalDate.class, "an ISO-8601 date such as 2026-12-15",
                java.time.Instant.class, "an ISO-8601 instant such as 2026-11-20T09:00:00Z",
                String.class, "a string",
                Integer.class, "an integer",
                int.class, "an integer",
                List.class, "an array");
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return names.getOrDefault(type, "a valid " + type.getSimpleName());
    }

    private static ProblemDetail problem(ProblemType type, String detail) {
        return type.problem(detail);
    }
}
