package com.contractledger.query.common;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The only ways projections write: a view document replaces its stored version only if the stored one was built
 * from an older event, and an insert-once document is written only the first time. A redelivered or replayed event
 * therefore changes nothing.
 */
public final class GuardedWrites {

    public static final String LAST_SEQUENCE = "lastSequence";

    private GuardedWrites() {
    }

    /**
     * Stores {@code view} under {@code id} in {@code collection} unless the stored document already has {@code lastSequence >= sequence}.
     * Returns whether it was written.
     */
    public static boolean replaceIfNewer(MongoTemplate mongo, String collection, String id, long sequence,
                                         Object view) {
        Query olderOrAbsent = Query.query(where("_id").is(id).and(LAST_SEQUENCE).lt(sequence));
        try {
            UpdateResult result = mongo.replace(olderOrAbsent, view, ReplaceOptions.replaceOptions().upsert(),
                    collection);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
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
