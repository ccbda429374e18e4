package com.contractledger.readstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;

/**
 * mongo-java-server's H2 backend, opened without reading every document at start, with unique indexes whose keys are
 * compared as values ({@link OrderedUniqueIndex}) and documents stored as BSON ({@link DocumentValueType}).
 * <p>
 * The H2 backend builds no secondary index: it keeps each one declared (the read models declare theirs) as an empty
 * placeholder. When it opens a collection, though, it fills every index that says it is empty from the collection's
 * documents, reading each of them twice, to fill a placeholder that keeps nothing. Here the placeholder does not say
 * it is empty, so opening a store costs the same whatever it holds.
 */
public final class ReadModelH2Backend extends H2Backend {

    public ReadModelH2Backend(MVStore store) {
        super(store);
    }

    /**
     * The store's file, written only when it is committed: {@code autoCommitDisabled} stops H2's background writer
     * only, and a write buffer of 0 stops a writing thread from storing the changes itself once they pass it.
     */
    public static MVStore openFile(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
    }

    // Called by H2Backend's constructor for every database in the file, before this class's fields are set.
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    // An inner class: the backend is reachable from the index methods H2Database's constructor already calls.
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        // the maps H2Database opens, under the same names, with the documents in BSON
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return OrderedUniqueIndex.open(getMvStore(), getFullCollectionNamespace(collectionName), indexName, keys,
                    sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(OrderedUniqueIndex.mapName(
                    getFullCollectionNamespace(collection.getCollectionName()), indexName));
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new Placeholder(indexName, keys);
        }
    }

    private static final class Placeholder extends EmptyIndex<Object> {

        Placeholder(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
