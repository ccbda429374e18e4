package com.contractledger.query.common;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The only ways projections write: a view document replaces its stored version only if the stored one was built
 * from an older event, and an insert-once document (alone or in a bulk) is written only the first time. A redelivered
 * or replayed event therefore changes nothing.
 */
public final class GuardedWrites {

    public static final String LAST_SEQUENCE = "lastSequence";
    private static final int DUPLICATE_KEY = 11000;

    private GuardedWrites() {
    }

    /**
     * Stores {@code view} under {@code id} in {@code collection} unless the stored document already has
     * {@code lastSequence >= sequence}.
     * Returns whether it was written.
     */
    public static boolean replaceIfNewer(MongoTemplate mongo, String collection, String id, long sequence,
                                         Object view) {
        // Read, compare, then write by _id alone: a filter on _id plus lastSequence is a collection scan on the
        // embedded wire server (it uses an index only for a query on exactly its keys). Only one thread writes a
        // given view at a time — the processors hand each aggregate's events to one segment, in order — so the
        // comparison cannot be overtaken.
        Document stored = mongo.getCollection(collection).find(new Document("_id", id))
                .projection(new Document(LAST_SEQUENCE, 1)).first();
        if (stored == null) {
            return insertOnce(mongo, collection, view);
        }
        Object last = stored.get(LAST_SEQUENCE);
        if (last instanceof Number number && number.longValue() >= sequence) {
            return false;
        }
        UpdateResult result = mongo.replace(Query.query(where("_id").is(id)), view, collection);
        return result.getMatchedCount() > 0;
    }

    /**
     * Replaces the document {@code id} by {@code view}, built from the stored document the caller has just read and
     * found older than the event it applies: the comparison {@link #replaceIfNewer} would make again is made, and only
     * one thread writes a given view at a time. One round trip instead of two.
     */
    public static boolean replaceRead(MongoTemplate mongo, String collection, String id, Object view) {
        return mongo.replace(Query.query(where("_id").is(id)), view, collection).getMatchedCount() > 0;
    }

    /**
     * Inserts each of {@code documents} unless a document with its id exists, in one unordered bulk write. Returns how
     * many were written.
     */
    public static int insertAllOnce(MongoTemplate mongo, String collection, List<?> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        try {
            return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection).insert(documents).execute()
                    .getInsertedCount();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                return e.getResult().getInsertedCount();
            }
            throw e;
        }
    }

    /** Inserts {@code document} unless a document with its id exists. Returns whether it was written. */
    public static boolean insertOnce(MongoTemplate mongo, String collection, Object document) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
