package com.contractledger.command.common;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDecorator;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import javax.annotation.Nonnull;
import java.util.Map;

/**
 * A message whose payload one serializer has already serialized: asked again by that serializer, it answers those
 * bytes instead of serializing the payload a second time. The hash chain serializes each event's payload to hash it;
 * the event store then stores the same bytes.
 */
final class SerializedPayloadMessage<T> extends MessageDecorator<T> {

    private final Serializer serializer;
    private final SerializedObject<byte[]> serializedPayload;

    SerializedPayloadMessage(Message<T> delegate, Serializer serializer, SerializedObject<byte[]> serializedPayload) {
        super(delegate);
        this.serializer = serializer;
        this.serializedPayload = serializedPayload;
    }

    @Override
    public <S> SerializedObject<S> serializePayload(Serializer serializer, Class<S> expectedRepresentation) {
        if (serializer == this.serializer) {
            return serializer.getConverter().convert(serializedPayload, expectedRepresentation);
        }
        return super.serializePayload(serializer, expectedRepresentation);
    }

    @Override
    public Message<T> withMetaData(@Nonnull Map<String, ?> metaData) {
        return new SerializedPayloadMessage<>(getDelegate().withMetaData(metaData), serializer, serializedPayload);
    }

    @Override
    public Message<T> andMetaData(@Nonnull Map<String, ?> metaData) {
        return new SerializedPayloadMessage<>(getDelegate().andMetaData(metaData), serializer, serializedPayload);
    }
}
