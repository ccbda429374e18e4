package com.contractledger.query.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents written once each under a key derived from the event that made them: applying the event again finds its
 * document there and changes nothing.
 */
public final class Entries<E> extends Collection<E> {

    private static final int DUPLICATE_KEY = 11000;

    Entries(ReadModel model, String base, Class<E> type) {
        super(model, base, type);
    }

    public Entries<E> index(org.springframework.data.mongodb.core.index.Index index) {
        addIndex(index);
        return this;
    }

    /** Writes {@code entry} unless a document with its key exists (with the processor batch, when there is one). */
    public void add(E entry) {
        ViewBatch.run(batch -> batch.staged(this, ArrayList<RawBsonDocument>::new).add(toDocument(entry, Map.of())));
    }

    @Override
    void flush(ViewBatch batch) {
        List<RawBsonDocument> staged = batch.staged(this, ArrayList<RawBsonDocument>::new);
        if (staged.isEmpty()) {
            return;
        }
        try {
            writingCollection().insertMany(staged, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
        staged.clear();
    }
}
