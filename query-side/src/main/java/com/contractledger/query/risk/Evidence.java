package com.contractledger.query.risk;

import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.EventType;
import org.axonframework.eventhandling.EventMessage;

/** A stored event a risk factor rests on: where it is in its aggregate's history, and what it is. */
public record Evidence(String aggregateId, long sequence, String eventId, String type) {

    static Evidence of(EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        return new Evidence(context.aggregateId(), context.sequence(), context.eventId(),
                EventType.of(message.getPayloadType()));
    }
}
