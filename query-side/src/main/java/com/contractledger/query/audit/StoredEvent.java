package com.contractledger.query.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One event as it is stored: the payload is the stored JSON, untouched (an old revision stays in its old form here;
 * only the point-in-time state reads upcast events), the metadata the stored metadata with its keys sorted.
 * {@code globalPosition} is the event's place in the whole store, known where the store's stream is read (the
 * export); a read of one aggregate's events does not tell it, and there it is null.
 */
@JsonPropertyOrder({"globalPosition", "aggregateType", "aggregateId", "sequence", "eventId", "type", "payloadType",
        "revision", "timestamp", "payload", "metaData"})
public record StoredEvent(Long globalPosition, String aggregateType, String aggregateId, long sequence, String eventId,
                          String payloadType, String revision, String timestamp, @JsonIgnore byte[] payloadBytes,
                          Map<String, Object> metaData) {

    /** The payload's class simple name, e.g. {@code ContractDeliveredEvent}. */
    @JsonProperty
    public String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    @JsonRawValue
    public String payload() {
        return new String(payloadBytes, StandardCharsets.UTF_8);
    }

    /** A metadata value as text, null if absent. */
    String metaDataText(String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
