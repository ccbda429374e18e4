package com.contractledger.api.contract.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One revision of an event to the next that only adds a field: the field gets the value that says what the older
 * revision meant by leaving it out. The stored event is not changed; it is upcast each time it is read.
 */
public class FieldAddedUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final String field;
    private final JsonNode value;

    /** {@code eventType} at revision {@code fromRevision} → the next revision (its number plus one). */
    public FieldAddedUpcaster(Class<?> eventType, String fromRevision, String field, JsonNode value) {
        this.from = new SimpleSerializedType(eventType.getTypeName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getTypeName(), String.valueOf(Integer.parseInt(fromRevision) + 1));
        this.field = field;
        this.value = value;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            ((ObjectNode) payload).set(field, value.deepCopy());
            return payload;
        });
    }
}
