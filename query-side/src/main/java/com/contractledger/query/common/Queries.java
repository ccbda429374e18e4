package com.contractledger.query.common;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Sends typed queries through the query gateway for the REST controllers. */
public final class Queries {

    /** How long a read-your-writes request waits for its read model to catch up. */
    public static final Duration CATCH_UP_WAIT = Duration.ofSeconds(3);
    public static final String CAUGHT_UP_HEADER = "X-Read-Model-Caught-Up";
    /** The first look again comes soon (a write is usually visible within milliseconds), later ones less often. */
    private static final long FIRST_POLL_MILLIS = 2;
    private static final long MAX_POLL_MILLIS = 25;

    private Queries() {
    }

    public static <R> R ask(QueryGateway gateway, Object query, ResponseType<R> responseType) {
        try {
            return gateway.query(query, responseType).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what);
    }

    /** The answer and whether it satisfied {@code caughtUp} before the bounded wait ran out. */
    public record Awaited<T>(Optional<T> answer, boolean caughtUp) {
    }

    /** Asks until the answer satisfies {@code caughtUp}, for at most {@link #CATCH_UP_WAIT}. */
    public static <T> Awaited<T> awaitUntil(Supplier<Optional<T>> ask, Predicate<T> caughtUp) {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        Optional<T> answer = ask.get();
        long pause = FIRST_POLL_MILLIS;
        while (answer.filter(caughtUp).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = ask.get();
        }
        return new Awaited<>(answer, answer.filter(caughtUp).isPresent());
    }
}
