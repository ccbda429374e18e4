package com.contractledger.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What a command produced: the aggregate and the sequence number of its latest event, as Axon counts it (the creating
 * event is version 0). It becomes the result of every command, so the API can answer {@code {"id", "version"}}
 * exactly, even with concurrent writers.
 */
public record AppendedVersion(String aggregateId, Long version) {

    private static final String RESOURCE = AppendedVersion.class.getName();

    /** Notes, in the command's unit of work, the last domain event applied. */
    public static MessageDispatchInterceptor<EventMessage<?>> recordingInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                CurrentUnitOfWork.ifStarted(unitOfWork -> messages.stream()
                        .filter(DomainEventMessage.class::isInstance)
                        .map(DomainEventMessage.class::cast)
                        .reduce((first, second) -> second)
                        .ifPresent(last -> unitOfWork.root().resources().put(RESOURCE, new AppendedVersion(
                                last.getAggregateIdentifier(), last.getSequenceNumber()))));
                return (index, message) -> message;
            }
        };
    }

    /** Replaces the handler's result with the version its events reached (null when it applied none). */
    public static MessageHandlerInterceptor<CommandMessage<?>> reportingInterceptor() {
        return (unitOfWork, chain) -> {
            chain.proceed();
            return unitOfWork.root().getResource(RESOURCE);
        };
    }
}
