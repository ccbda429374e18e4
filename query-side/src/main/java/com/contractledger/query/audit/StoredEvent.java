package com.contractledger.query.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.nio.charset.StandardCharsets;

/**
 * One row of the event store as it is stored: payload and metadata are the stored JSON, untouched (an old revision
 * stays in its old form here; only the point-in-time state reads upcast events).
 */
@JsonPropertyOrder({"globalPosition", "aggregateType", "aggregateId", "sequence", "eventId", "type", "payloadType",
        "revision", "timestamp", "payload", "metaData"})
public record StoredEvent(long globalPosition, String aggregateType, String aggregateId, long sequence, String eventId,
                          String payloadType, String revision, String timestamp,
                          @JsonIgnore byte[] payloadBytes, @JsonIgnore byte[] metaDataBytes) {

    /** The payload's class simple name, e.g. {@code ContractDeliveredEvent}. */
    @JsonProperty
    public String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    @JsonRawValue
    public String payload() {
        return new String(payloadBytes, StandardCharsets.UTF_8);
    }

    @JsonRawValue
    public String metaData() {
        return metaDataBytes == null ? "{}" : new String(metaDataBytes, StandardCharsets.UTF_8);
    }
}
