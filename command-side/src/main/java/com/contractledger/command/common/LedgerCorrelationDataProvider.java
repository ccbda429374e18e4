package com.contractledger.command.common;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the audit metadata of the message being handled onto every event it causes: the actor, the correlation id,
 * the reason, and the message itself as the causation. Deadlines act as {@code system}, whoever scheduled them.
 */
@Component
class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    static final String SYSTEM_ACTOR = "system";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object correlationId = message.getMetaData().get(LedgerMetaData.CORRELATION_ID);
        data.put(LedgerMetaData.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(LedgerMetaData.CAUSATION_ID, message.getIdentifier());
        if (message instanceof DeadlineMessage<?>) {
            data.put(LedgerMetaData.ACTOR, SYSTEM_ACTOR);
            return data;
        }
        Object actor = message.getMetaData().get(LedgerMetaData.ACTOR);
        data.put(LedgerMetaData.ACTOR, actor != null ? actor : SYSTEM_ACTOR);
        Object reason = message.getMetaData().get(LedgerMetaData.REASON);
        if (reason != null) {
            data.put(LedgerMetaData.REASON, reason);
        }
        return data;
    }
}
