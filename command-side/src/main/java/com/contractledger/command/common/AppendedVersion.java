package com.contractledger.command.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The result of every command: the aggregate and the sequence number of its latest event as Axon counts it (the
 * creating event is version 0), so the API answers {@code {"id", "version"}} exactly, even with concurrent writers.
 * <p>
 * Axon gives events their sequence numbers when they are applied but publishes them only when the unit of work
 * prepares its commit, after the handler returned. So the handler's result is this object, completed during that
 * commit, before the caller sees it.
 */
public final class AppendedVersion {

    private static final String LAST_EVENT = AppendedVersion.class.getName();
    private static final String CREATES_AGGREGATE = AppendedVersion.class.getName() + ".creates";

    private String aggregateId;
    private Long version;
    private boolean replayed;

    AppendedVersion() {
        // completed during the unit of work's commit
    }

    /** The first result stored under an idempotency key, for a retry of the same request. */
    public static AppendedVersion replayOf(IdempotencyStore.StoredResult stored, String requestHash) {
        if (!Objects.equals(stored.requestHash(), requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        AppendedVersion result = new AppendedVersion();
        result.complete(stored.aggregateId(), stored.version());
        result.replayed = true;
        return result;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public Long getVersion() {
        return version;
    }

    /** True when an {@code Idempotency-Key} retry was answered from the first result and nothing ran. */
    public boolean isReplayed() {
        return replayed;
    }

    @JsonIgnore
    public boolean isComplete() {
        return version != null;
    }

    private void complete(String aggregateId, long version) {
        this.aggregateId = aggregateId;
        this.version = version;
    }

    /** Notes, in the unit of work, the last domain event being stored. */
    public static MessageDispatchInterceptor<EventMessage<?>> recordingInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                CurrentUnitOfWork.ifStarted(unitOfWork -> messages.stream()
                        .filter(DomainEventMessage.class::isInstance)
                        .map(DomainEventMessage.class::cast)
                        .forEach(event -> {
                            unitOfWork.root().resources().put(LAST_EVENT, event);
                            if (event.getSequenceNumber() == 0) {
                                unitOfWork.root().resources().put(CREATES_AGGREGATE, true);
                            }
                        }));
                return (index, message) -> message;
            }
        };
    }

    /** Whether the unit of work's events start an aggregate (its first event, sequence 0). */
    static boolean createsAggregate(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().resources().containsKey(CREATES_AGGREGATE);
    }

    /**
     * Runs every command handler: answers an idempotent retry from its stored result, and otherwise returns the
     * version the command's events reached, saving it under the command's idempotency key in the same transaction.
     */
    public static MessageHandlerInterceptor<CommandMessage<?>> reportingInterceptor(IdempotencyStore store) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                 InterceptorChain interceptorChain) throws Exception {
                IdempotentRequest request = IdempotentRequest.of(unitOfWork.getMessage());
                if (request != null) {
                    var stored = store.find(request.actor(), request.key());
                    if (stored.isPresent()) {
                        return replayOf(stored.get(), request.requestHash());
                    }
                }
                interceptorChain.proceed();
                AppendedVersion result = new AppendedVersion();
                unitOfWork.onPrepareCommit(committing -> {
                    DomainEventMessage<?> last = committing.root().getResource(LAST_EVENT);
                    if (last == null) {
                        return;
                    }
                    result.complete(last.getAggregateIdentifier(), last.getSequenceNumber());
                    if (request != null) {
                        store.save(request.actor(), request.key(), request.requestHash(), result.aggregateId,
                                result.version);
                    }
                });
                return result;
            }
        };
    }

    private record IdempotentRequest(String actor, String key, String requestHash) {

        static IdempotentRequest of(CommandMessage<?> command) {
            Object key = command.getMetaData().get(LedgerMetaData.IDEMPOTENCY_KEY);
            if (key == null) {
                return null;
            }
            return new IdempotentRequest(String.valueOf(command.getMetaData().get(LedgerMetaData.ACTOR)),
                    key.toString(), String.valueOf(command.getMetaData().get(LedgerMetaData.REQUEST_HASH)));
        }
    }
}
