package com.contractledger.query.readmodel;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Entries of an owner (an aggregate), one per sequence number of the owner, stored a block of {@code perBlock}
 * sequences to a document: {@code <owner>:<n>} holds the entries of sequences n·perBlock to (n+1)·perBlock − 1 under
 * {@code entries.<sequence>}, and {@code <owner>} the owner's highest sequence ({@code last}). Adding an entry sets it
 * under its sequence, so an event applied again sets what is already there. A range of entries is one lookup of a few
 * documents by key, which every MongoDB answers from its primary index. Entries are encoded and decoded by functions
 * of the read model's own rather than by the mapping layer, in the form the mapping layer gives them: there is one
 * per event. Owner ids must not contain a colon.
 */
public final class Blocks<E> extends Collection<E> {

    static final String ENTRIES = "entries";
    static final String LAST = "last";

    private final int perBlock;
    private final Function<E, BsonDocument> encoder;
    private final Function<BsonDocument, E> decoder;

    Blocks(ReadModel model, String base, Class<E> type, int perBlock, Function<E, BsonDocument> encoder,
           Function<BsonDocument, E> decoder) {
        super(model, base, type);
        this.perBlock = perBlock;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** The entries of an owner from one range, in sequence order, and the owner's highest sequence. */
    public record Range<E>(List<E> entries, long last) {
    }

    /** Sets {@code entry} as {@code owner}'s entry of {@code sequence} (with the processor batch, if there is one). */
    public void add(String owner, long sequence, E entry) {
        BsonDocument document = encoder.apply(entry);
        ViewBatch.run(batch -> batch.staged(this, Staged::new).add(owner, sequence, document));
    }

    /**
     * Up to {@code count} entries of {@code owner} with sequences after {@code after} (-1: from the first), and the
     * owner's highest sequence; empty if the owner has no entry, or while the generation served is of an older layout.
     */
    public Optional<Range<E>> range(String owner, long after, int count) {
        if (!servesCurrentLayout()) {
            return Optional.empty();
        }
        // no sequence comes near Long.MAX_VALUE; this only keeps the arithmetic below from overflowing
        long from = Math.min(after, Long.MAX_VALUE - count - 1) + 1;
        long to = from + count - 1;
        List<String> keys = new ArrayList<>(List.of(owner));
        for (long block = from / perBlock; block <= to / perBlock; block++) {
            keys.add(owner + ":" + block);
        }
        Long last = null;
        TreeMap<Long, E> entries = new TreeMap<>();
        for (RawBsonDocument document : model.mongo().getCollection(serving()).withDocumentClass(RawBsonDocument.class)
                .find(new Document("_id", new Document("$in", keys)))) {
            if (document.containsKey(LAST)) {
                last = document.getNumber(LAST).longValue();
                continue;
            }
            for (Map.Entry<String, BsonValue> entry : document.getDocument(ENTRIES).entrySet()) {
                long sequence = Long.parseLong(entry.getKey());
                if (sequence >= from && sequence <= to) {
                    entries.put(sequence, decoder.apply(entry.getValue().asDocument()));
                }
            }
        }
        return last == null ? Optional.empty() : Optional.of(new Range<>(List.copyOf(entries.values()), last));
    }

    @Override
    void flush(ViewBatch batch) {
        batch.staged(this, Staged::new).flush();
    }

    /** The batch's entries, by block, and each owner's highest sequence among them. */
    private final class Staged {

        private final Map<String, Document> blocks = new LinkedHashMap<>();
        private final Map<String, Long> lasts = new LinkedHashMap<>();

        void add(String owner, long sequence, BsonDocument entry) {
            blocks.computeIfAbsent(owner + ":" + (sequence / perBlock), key -> new Document())
                    .put(ENTRIES + "." + sequence, entry);
            lasts.merge(owner, sequence, Math::max);
        }

        /** The blocks first, then the highest sequences: a reader never sees a sequence whose entry is not there. */
        void flush() {
            if (blocks.isEmpty()) {
                return;
            }
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            List<WriteModel<BsonDocument>> writes = new ArrayList<>();
            blocks.forEach((key, entries) -> writes.add(new UpdateOneModel<>(new Document("_id", key),
                    new Document("$set", entries), upsert)));
            lasts.forEach((owner, last) -> writes.add(new UpdateOneModel<>(new Document("_id", owner),
                    new Document("$max", new Document(LAST, last)), upsert)));
            writingCollection().bulkWrite(writes, new BulkWriteOptions().ordered(true));
            blocks.clear();
            lasts.clear();
        }
    }
}
