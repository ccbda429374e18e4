package com.contractledger.query.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

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
        ViewBatch.run(batch -> batch.staged(this, ArrayList<Document>::new).add(toDocument(entry)));
    }

    @Override
    void flush(ViewBatch batch) {
        List<Document> staged = batch.staged(this, ArrayList<Document>::new);
        if (staged.isEmpty()) {
            return;
        }
        try {
            model.mongo().getCollection(writing()).insertMany(staged, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
        staged.clear();
    }
}
