package com.contractledger.query;

import com.contractledger.shared.Failures;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A read that needs the event store (the audit reads, a projection's position) or a query that must cross Axon Server
 * while it cannot be reached: 503 with {@code Retry-After}, as a problem. Reads of the read models answer on.
 */
@RestControllerAdvice(basePackages = "com.contractledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EventSourceUnavailable {

    private static final Logger log = LoggerFactory.getLogger(EventSourceUnavailable.class);
    static final long RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler({EventStoreException.class, AxonServerQueryDispatchException.class,
            NoHandlerForQueryException.class, org.axonframework.axonserver.connector.AxonServerException.class,
            io.axoniq.axonserver.connector.AxonServerException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        return answer(e);
    }

    /** Whether {@code failure}, or a cause of it, says the event store or the query router cannot be reached. */
    public static boolean covers(Throwable failure) {
        return Failures.anyCause(failure, cause -> cause instanceof EventStoreException
                || cause instanceof AxonServerQueryDispatchException || cause instanceof NoHandlerForQueryException
                || Failures.isAxonServerUnreachable(cause));
    }

    /** 503 with {@code Retry-After}, as a problem. */
    public static ResponseEntity<ProblemDetail> answer(Throwable failure) {
        log.warn("read not answered: {}", failure.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the event store or the query router cannot be reached; retry");
        problem.setTitle("Event source unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
