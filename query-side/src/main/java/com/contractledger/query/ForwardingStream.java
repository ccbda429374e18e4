package com.contractledger.query;

import org.axonframework.common.stream.BlockingStream;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A stream that hands every call on to another: a subclass changes only what it needs to. */
class ForwardingStream<M> implements BlockingStream<M> {

    protected final BlockingStream<M> stream;

    ForwardingStream(BlockingStream<M> stream) {
        this.stream = stream;
    }

    @Override
    public Optional<M> peek() {
        return stream.peek();
    }

    @Override
    public boolean hasNextAvailable() {
        return stream.hasNextAvailable();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        return stream.hasNextAvailable(timeout, unit);
    }

    @Override
    public M nextAvailable() throws InterruptedException {
        return stream.nextAvailable();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        return stream.setOnAvailableCallback(callback);
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(M ignoredMessage) {
        stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        stream.close();
    }
}
