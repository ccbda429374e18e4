package com.contractledger.command.common;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The local command bus (Axon's "local segment": the bus itself on the embedded default, the one Axon Server's bus
 * hands incoming commands to otherwise). A command that fails ends with a {@link CommandRejections rejection} as
 * data, including failures of its unit of work's commit, which no handler interceptor sees.
 */
public class RejectionReportingCommandBus extends SimpleCommandBus {

    public RejectionReportingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        AtomicReference<UnitOfWork<?>> unitOfWork = new AtomicReference<>();
        MessageHandler<CommandMessage<?>> watched = message -> {
            unitOfWork.set(CurrentUnitOfWork.get());
            return handler.handle(message);
        };
        super.<C, R>handle(command, watched, (message, result) -> callback.onResult(message, reported(result,
                unitOfWork.get())));
    }

    private static <R> CommandResultMessage<? extends R> reported(CommandResultMessage<? extends R> result,
                                                                  UnitOfWork<?> unitOfWork) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        boolean creating = unitOfWork != null && AppendedVersion.createsAggregate(unitOfWork);
        return CommandRejections.of(failure, creating)
                .<CommandResultMessage<? extends R>>map(rejection -> new GenericCommandResultMessage<>(
                        CommandRejections.refusal(rejection, failure), result.getMetaData()))
                .orElse(result);
    }
}
