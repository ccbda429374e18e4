package com.contractledger.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

/** Hands events to a projection through its {@code @EventHandler} annotations, as its processor would. */
public final class AnnotatedHandlers {

    private final AnnotationEventHandlerAdapter adapter;

    public AnnotatedHandlers(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public void apply(EventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
