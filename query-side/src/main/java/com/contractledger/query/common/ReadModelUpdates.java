package com.contractledger.query.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process feed of read-model changes for live subscribers: projections publish a view after they stored it (never
 * while replaying), the stream endpoints listen. {@code position} is the global position of the event that caused it.
 */
public class ReadModelUpdates {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpdates.class);

    public record Update(String stream, String key, long position, Object view) {
    }

    private final List<Consumer<Update>> listeners = new CopyOnWriteArrayList<>();

    public void publish(EventContext context, String stream, String key, Object view) {
        if (context.replay()) {
            return;
        }
        Update update = new Update(stream, key, context.position(), view);
        for (Consumer<Update> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                log.warn("a read-model listener failed on {} {}", stream, key, e);
            }
        }
    }

    public Runnable subscribe(Consumer<Update> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
