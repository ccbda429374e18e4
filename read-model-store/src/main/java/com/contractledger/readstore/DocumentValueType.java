package com.contractledger.readstore;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * A collection's documents as BSON in the store's pages ({@link StoredBson}), where H2 would Java-serialize them (its
 * way with any object it does not know): every checkpoint Java-serialized each map of each document on the pages it
 * wrote. Values written before are read as they were written.
 */
final class DocumentValueType extends BasicDataType<Document> {

    private final ObjectDataType javaSerialized = new ObjectDataType();
    // H2 sizes pages by what their values take in memory; the encoded size is a stand-in, as H2's own type does
    private volatile int averageSize = 1_000;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        int length = StoredBson.write(buffer, document, averageSize + averageSize / 2);
        averageSize = (averageSize * 15 + length) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return StoredBson.isAt(buffer) ? StoredBson.read(buffer) : (Document) javaSerialized.read(buffer);
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
