package com.contractledger.app.wire;

import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import javax.annotation.Nonnull;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A query bus that sends every query, and its response or failure, through the Axon Server connector's own
 * serialization, as a direct query crosses Axon Server when no local shortcut applies (the response type travels with
 * the query, the response comes back as the handler's serialized payload and is converted to the expected type).
 */
public final class WireQueryBus implements QueryBus {

    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final QueryBus localSegment;
    private final QuerySerializer wire;
    private final List<MessageDispatchInterceptor<? super QueryMessage<?, ?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();
    private final AtomicLong crossings = new AtomicLong();

    WireQueryBus(QueryBus localSegment, QuerySerializer wire) {
        this.localSegment = localSegment;
        this.wire = wire;
    }

    /** How many queries crossed the boundary. */
    public long crossings() {
        return crossings.get();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <Q, R> CompletableFuture<QueryResponseMessage<R>> query(@Nonnull QueryMessage<Q, R> query) {
        QueryMessage<Q, R> intercepted = query;
        for (MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor : dispatchInterceptors) {
            intercepted = (QueryMessage<Q, R>) ((MessageDispatchInterceptor) interceptor).handle(intercepted);
        }
        QueryRequest request = wire.serializeRequest(intercepted, 1, TIMEOUT_MILLIS, 0);
        QueryMessage<Q, R> received = wire.deserializeRequest(request);
        crossings.incrementAndGet();
        return localSegment.query(received)
                .handle((response, failure) -> {
                    QueryResponseMessage<?> outcome = failure == null ? response
                            : GenericQueryResponseMessage.asResponseMessage(Object.class, unwrapped(failure));
                    QueryResponse sent = wire.serializeResponse(outcome, request.getMessageIdentifier());
                    return wire.deserializeResponse(sent, query.getResponseType());
                });
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    @Override
    public <Q, R> Stream<QueryResponseMessage<R>> scatterGather(@Nonnull QueryMessage<Q, R> query, long timeout,
                                                                @Nonnull TimeUnit unit) {
        throw new UnsupportedOperationException("the ledger sends direct queries only");
    }

    @Override
    public QueryUpdateEmitter queryUpdateEmitter() {
        return localSegment.queryUpdateEmitter();
    }

    @Override
    public <R> Registration subscribe(@Nonnull String queryName, @Nonnull Type responseType,
                                      @Nonnull MessageHandler<? super QueryMessage<?, R>> handler) {
        return localSegment.subscribe(queryName, responseType, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super QueryMessage<?, ?>> handlerInterceptor) {
        return localSegment.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super QueryMessage<?, ?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }
}
