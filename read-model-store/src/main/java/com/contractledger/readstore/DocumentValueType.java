package com.contractledger.readstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * A collection's documents as BSON in the store's pages, where H2 would Java-serialize them (its way with any object
 * it does not know): every checkpoint Java-serialized each map of each document on the pages it wrote. Values of
 * pages written before are told apart by their first byte and read as they were written.
 */
final class DocumentValueType extends BasicDataType<Document> {

    /** A first byte H2's {@link ObjectDataType} never writes. */
    private static final byte BSON = 127;

    private final ObjectDataType javaSerialized = new ObjectDataType();
    // H2 sizes pages by what their values take in memory; the encoded size is a stand-in, as H2's own type does
    private volatile int averageSize = 1_000;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            averageSize = (averageSize * 15 + length) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) javaSerialized.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int compare(Document a, Document b) {
        return javaSerialized.compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
