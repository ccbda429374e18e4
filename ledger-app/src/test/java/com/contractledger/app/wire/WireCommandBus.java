package com.contractledger.app.wire;

import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

import javax.annotation.Nonnull;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A command bus that sends every command, and its result or failure, through the Axon Server connector's own
 * serialization, in the form it crosses Axon Server: what does not survive that trip fails here as it fails there.
 * Handlers subscribe to the local segment, as with {@code AxonServerCommandBus}.
 */
public final class WireCommandBus implements CommandBus {

    private final CommandBus localSegment;
    private final CommandSerializer wire;
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();
    private final AtomicLong crossings = new AtomicLong();

    WireCommandBus(CommandBus localSegment, CommandSerializer wire) {
        this.localSegment = localSegment;
        this.wire = wire;
    }

    /** How many commands crossed the boundary. */
    public long crossings() {
        return crossings.get();
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command,
                                @Nonnull CommandCallback<? super C, ? super R> callback) {
        CommandMessage<?> intercepted = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            intercepted = (CommandMessage<?>) ((MessageDispatchInterceptor) interceptor).handle(intercepted);
        }
        Command sent = wire.serialize(intercepted, intercepted.getIdentifier(), 0);
        CommandMessage<Object> received = (CommandMessage<Object>) wire.deserialize(sent);
        crossings.incrementAndGet();
        localSegment.dispatch(received, (CommandCallback<Object, Object>) (message, result) -> {
            CommandResponse response = wire.serialize(result, sent.getMessageIdentifier());
            CommandResultMessage<R> returned = wire.deserialize(response);
            callback.onResult(command, returned);
        });
    }

    @Override
    public Registration subscribe(@Nonnull String commandName,
                                  @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
        return localSegment.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return localSegment.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }
}
