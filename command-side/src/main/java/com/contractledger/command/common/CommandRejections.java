package com.contractledger.command.common;

import com.contractledger.api.common.CommandRejection;
import com.contractledger.api.common.CommandRejection.Kind;
import com.contractledger.shared.Failures;
import io.axoniq.axonserver.connector.ErrorCategory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.Optional;

/**
 * What a failed command means to the person who sent it. The handler side turns every known failure into a
 * {@link CommandExecutionException} carrying a {@link CommandRejection}, the one form that crosses every command bus;
 * the web layer answers from the rejection alone.
 */
public final class CommandRejections {

    private CommandRejections() {
    }

    /**
     * The failure as a rejection, or empty when it is not one a client can act on (an internal error).
     *
     * @param creating whether the command created its aggregate: a conflicting append then means the id is taken
     */
    public static Optional<CommandRejection> of(Throwable failure, boolean creating) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<CommandRejection> rejection = describe(cause, creating);
            if (rejection.isPresent()) {
                return rejection;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The rejection a failure already carries, from whichever bus it came through. */
    public static Optional<CommandRejection> carriedBy(Throwable failure) {
        return failure instanceof HandlerExecutionException execution
                ? execution.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                : Optional.empty();
    }

    public static CommandExecutionException refusal(CommandRejection rejection, Throwable cause) {
        return new CommandExecutionException(rejection.detail(), cause, rejection);
    }

    private static Optional<CommandRejection> describe(Throwable cause, boolean creating) {
        Optional<CommandRejection> carried = carriedBy(cause);
        if (carried.isPresent()) {
            return carried;
        }
        if (cause instanceof RuleViolationException violation) {
            return Optional.of(CommandRejection.ruleViolated(violation.rule().name(), violation.rule().statement(),
                    violation.getMessage(), violation.facts()));
        }
        if (cause instanceof UnknownReferenceException) {
            return rejection(Kind.NOT_FOUND, cause.getMessage());
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return rejection(Kind.NOT_FOUND, "nothing is recorded under id " + notFound.getAggregateIdentifier());
        }
        if (cause instanceof ConflictingAggregateVersionException conflict) {
            return Optional.of(new CommandRejection(Kind.VERSION_CONFLICT, "If-Match expected version "
                    + conflict.getExpectedVersion() + " but the current version is " + conflict.getActualVersion()
                    + "; read the current state and retry", conflict.getActualVersion()));
        }
        if (cause instanceof IdempotencyKeyReusedException) {
            return rejection(Kind.IDEMPOTENCY_KEY_REUSED, cause.getMessage());
        }
        if (cause instanceof AggregateStreamCreationException || (creating && isConflictingAppend(cause))) {
            return rejection(Kind.ALREADY_EXISTS, "something is already recorded under this id");
        }
        if (isConflictingAppend(cause)) {
            return rejection(Kind.CONCURRENT_WRITE,
                    "another write to the same record was stored at the same moment; read the current state and retry");
        }
        if (isStoreUnavailable(cause)) {
            return rejection(Kind.STORE_UNAVAILABLE, "the event store cannot be reached; nothing was stored, retry");
        }
        return Optional.empty();
    }

    /** Axon's JDBC store reports a taken sequence number as a concurrency exception, Axon Server by its category. */
    private static boolean isConflictingAppend(Throwable cause) {
        return cause instanceof ConcurrencyException
                || (cause instanceof io.axoniq.axonserver.connector.AxonServerException server
                && server.getErrorCategory() == ErrorCategory.INVALID_EVENT_SEQUENCE);
    }

    private static boolean isStoreUnavailable(Throwable cause) {
        return cause instanceof EventStoreException || Failures.isAxonServerUnreachable(cause);
    }

    private static Optional<CommandRejection> rejection(Kind kind, String detail) {
        return Optional.of(CommandRejection.of(kind, detail));
    }
}
