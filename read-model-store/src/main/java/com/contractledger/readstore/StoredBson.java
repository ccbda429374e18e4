package com.contractledger.readstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A value on the store's pages as BSON: a first byte H2's {@link ObjectDataType} never writes, the length, the
 * document. Values written before, by H2's own type, are told apart by that first byte.
 */
final class StoredBson {

    private static final byte TAG = 127;

    private StoredBson() {
    }

    /** Writes {@code document} and answers its length in bytes. */
    static int write(WriteBuffer buffer, Map<String, ?> document, int expectedLength) {
        ByteBuf bson = Unpooled.buffer(expectedLength);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.put(TAG).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            return length;
        } finally {
            bson.release();
        }
    }

    static boolean isAt(ByteBuffer buffer) {
        return buffer.get(buffer.position()) == TAG;
    }

    static Document read(ByteBuffer buffer) {
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
