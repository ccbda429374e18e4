package com.contractledger.query.readmodel;

import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One collection of a read model: its generations, its indexes and how its documents map to {@code T}. */
abstract sealed class Collection<T> permits Views, Entries, Blocks {

    final ReadModel model;
    private final String base;
    final Class<T> type;
    private final List<Index> indexes = new ArrayList<>();

    Collection(ReadModel model, String base, Class<T> type) {
        this.model = model;
        this.base = base;
        this.type = type;
    }

    String base() {
        return base;
    }

    void addIndex(Index index) {
        indexes.add(index);
    }

    void createIndexes() {
        for (String name : model.generations().inUse(model.group(), base)) {
            indexes.forEach(index -> model.mongo().indexOps(name).ensureIndex(index));
        }
    }

    /** The name under which the API reads the collection. */
    public String serving() {
        return model.generations().read(model.group(), base);
    }

    /** Whether the generation served is of the layout this code writes; not while an upgrade rebuilds it. */
    boolean servesCurrentLayout() {
        return !model.generations().servesOutdatedLayout(model.group());
    }

    /** The name under which the projection writes the collection (a new generation while a replay builds it). */
    String writing() {
        return model.generations().write(model.group(), base);
    }

    /** The documents matching {@code query}, as the API serves them. */
    public List<T> find(Query query) {
        return model.mongo().find(query, type, serving());
    }

    public long count(Query query) {
        return model.mongo().count(query, type, serving());
    }

    /** {@code value} as the BSON the store will be sent, with {@code extra} fields. */
    RawBsonDocument toDocument(Object value, Map<String, Object> extra) {
        Document document = new Document();
        model.mongo().getConverter().write(value, document);
        document.putAll(extra);
        return new RawBsonDocument(document, model.mongo().getDb().getCodecRegistry().get(Document.class));
    }

    MongoCollection<BsonDocument> writingCollection() {
        return model.mongo().getCollection(writing()).withDocumentClass(BsonDocument.class);
    }

    T fromDocument(Document document) {
        return model.mongo().getConverter().read(type, document);
    }

    /** Writes what {@code batch} staged for this collection. */
    abstract void flush(ViewBatch batch);
}
