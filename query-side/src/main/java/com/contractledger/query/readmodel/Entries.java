package com.contractledger.query.readmodel;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.BsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Documents written once each under a key derived from the event that made them: applying the event again finds its
 * document there and changes nothing.
 */
public final class Entries<E> extends Collection<E> {

    private static final int DUPLICATE_KEY = 11000;

    private final Function<E, BsonDocument> encoder;

    Entries(ReadModel model, String base, Class<E> type) {
        super(model, base, type);
        this.encoder = entry -> toDocument(entry, Map.of());
    }

    /** {@code encoder}: an entry in the form the mapping layer gives it, written directly. */
    Entries(ReadModel model, String base, Class<E> type, Function<E, BsonDocument> encoder) {
        super(model, base, type);
        this.encoder = encoder;
    }

    public Entries<E> index(org.springframework.data.mongodb.core.index.Index index) {
        addIndex(index);
        return this;
    }

    /** Writes {@code entry} unless a document with its key exists (with the processor batch, when there is one). */
    public void add(E entry) {
        BsonDocument document = encoder.apply(entry);
        ViewBatch.run(batch -> batch.staged(this, ArrayList<BsonDocument>::new).add(document));
    }

    @Override
    void flush(ViewBatch batch) {
        List<BsonDocument> staged = batch.staged(this, ArrayList<BsonDocument>::new);
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
