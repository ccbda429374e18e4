package com.contractledger.readstore;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A unique index (every collection's {@code _id} among them) whose keys the store compares as values.
 * <p>
 * mongo-java-server's H2 backend keeps such an index in a map whose keys H2 knows only as serializable objects, so
 * every comparison of a lookup's binary search Java-serializes both keys; that made an index lookup the embedded
 * store's largest cost. Here the keys are compared value by value with the store's own ordering and serialized only
 * when a page is written. An index kept the old way is copied into this one when the store opens, then removed.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> keys;

    private OrderedUniqueIndex(MVMap<KeyValue, Object> keys, String name, List<IndexKey> indexKeys, boolean sparse) {
        super(name, indexKeys, sparse);
        this.keys = keys;
    }

    /** The index {@code indexName} of the collection {@code namespace}, moved over from the backend's own map. */
    static OrderedUniqueIndex open(MVStore store, String namespace, String indexName, List<IndexKey> indexKeys,
                                   boolean sparse) {
        MVMap<KeyValue, Object> keys = store.openMap(mapName(namespace, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        String previous = previousMapName(namespace, indexName);
        if (store.hasMap(previous)) {
            MVMap<Object, Object> old = store.openMap(previous);
            if (keys.isEmpty()) {
                old.forEach((key, position) -> keys.put((KeyValue) key, position));
            }
            store.removeMap(old);
        }
        return new OrderedUniqueIndex(keys, indexName, indexKeys, sparse);
    }

    static String mapName(String namespace, String indexName) {
        return namespace + "._ordered_index_" + indexName;
    }

    private static String previousMapName(String namespace, String indexName) {
        return namespace + "._index_" + indexName;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return keys.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return keys.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return keys.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return keys.get(keyValue);
    }

    @Override
    public long getCount() {
        return keys.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /**
     * Index keys compared value by value (lists element by element, so equal means the same key), stored as BSON: the
     * key's size and each of its values but the missing ones under its position. Keys written before, Java-serialized
     * by H2's own type, are read as they were written.
     */
    static final class KeyValueType extends BasicDataType<KeyValue> {

        private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
        private static final String SIZE = "size";
        private final ObjectDataType javaSerialized = new ObjectDataType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int size = Math.min(a.size(), b.size());
            for (int i = 0; i < size; i++) {
                int compared = VALUES.compare(a.get(i), b.get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            return javaSerialized.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            Document values = new Document(SIZE, key.size());
            for (int i = 0; i < key.size(); i++) {
                if (!(key.get(i) instanceof Missing)) {
                    values.put(Integer.toString(i), key.get(i));
                }
            }
            StoredBson.write(buffer, values, 64);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            if (!StoredBson.isAt(buffer)) {
                return (KeyValue) javaSerialized.read(buffer);
            }
            Document values = StoredBson.read(buffer);
            int size = ((Number) values.get(SIZE)).intValue();
            List<Object> key = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String position = Integer.toString(i);
                key.add(values.containsKey(position) ? values.get(position) : Missing.getInstance());
            }
            return new KeyValue(key);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
