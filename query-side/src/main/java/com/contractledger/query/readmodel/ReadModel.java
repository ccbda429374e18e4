package com.contractledger.query.readmodel;

import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The read model of one projection: its collections, bound to the projection's processing group. It owns what every
 * projection would otherwise repeat — the generation each collection is served from and written to, their indexes,
 * the reset for a replay, the guard that makes an event applied twice change nothing, the batch that loads each
 * document once and writes a processor batch in one bulk per collection, and the change records behind the streams.
 * A projection keeps its {@code on(Event)} lines and its query handlers.
 */
public final class ReadModel {

    private final String group;
    private final MongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final ReadModelChangeLog changes;
    private final List<Collection<?>> collections = new ArrayList<>();
    private volatile long encodeEachChangeThrough = -1;

    public ReadModel(String group, MongoTemplate mongo, ReadModelGenerations generations, ReadModelChangeLog changes) {
        this.group = group;
        this.mongo = mongo;
        this.generations = generations;
        this.changes = changes;
    }

    /** Documents of {@code type} keyed by {@code idOf}, each written only by events newer than the one it holds. */
    public <V> Views<V> views(String base, Class<V> type, Function<V, String> idOf) {
        return register(new Views<>(this, base, type, idOf));
    }

    /** Documents of {@code type} written once each, as an event's own record (a history entry, a spend entry). */
    public <E> Entries<E> entries(String base, Class<E> type) {
        return register(new Entries<>(this, base, type));
    }

    /** The same, each entry written by {@code encoder} in the form the mapping layer gives it, for entries of every event. */
    public <E> Entries<E> entries(String base, Class<E> type, Function<E, BsonDocument> encoder) {
        return register(new Entries<>(this, base, type, encoder));
    }

    /**
     * Entries of {@code type} stored {@code perBlock} sequences of their owner to a document (a contract's history),
     * for reading long runs of them in one lookup; {@code decoder} reads an entry back from the document written.
     */
    public <E> Blocks<E> blocks(String base, Class<E> type, int perBlock, Function<E, BsonDocument> encoder,
                                Function<BsonDocument, E> decoder) {
        return register(new Blocks<>(this, base, type, perBlock, encoder, decoder));
    }

    /**
     * The version of the way this read model stores its documents, raised when that changes so that a store written
     * in another layout is rebuilt (at start, by a replay) instead of being misread. 0 unless declared.
     */
    public ReadModel layout(int layout) {
        generations.declareLayout(group, layout);
        return this;
    }

    /**
     * Runs {@code announcement} once the batch of {@code message} is written, after the changes its views recorded,
     * once per {@code key} however many of the batch's events ask (the last one's); nothing during a replay. For a
     * stream that tells what several views add up to (a supplier's risk level over its contracts) rather than the
     * change of one view.
     */
    public void afterWrite(EventMessage<?> message, Object key, Runnable announcement) {
        if (!EventContext.of(message).replay()) {
            ViewBatch.run(batch -> batch.announceAfterWrite(key, announcement));
        }
    }

    /** Creates every collection's indexes, in the generation served and the one being built. */
    public void createIndexes() {
        generations.adoptLayoutIfEmpty(group, collections.stream().map(Collection::base).toList());
        collections.forEach(Collection::createIndexes);
    }

    /** Starts a new generation of every collection, which a replay builds while the API serves the complete one. */
    public void reset() {
        generations.startBuilding(group, collections.stream().map(Collection::base).toList());
        createIndexes();
    }

    /**
     * Whether a view changed by this event is encoded at once rather than when its batch is written: for events that
     * came in no processor batch, and for those of a batch that failed because a view could not be encoded, which is
     * then handled again so that the event that made the view unstorable fails while it is handled (and goes to the
     * dead letters) instead of the whole batch.
     */
    boolean encodesEachChange(EventContext context) {
        return context.position() < 0 || context.position() <= encodeEachChangeThrough;
    }

    void encodeEachChangeThrough(long position) {
        encodeEachChangeThrough = Math.max(encodeEachChangeThrough, position);
    }

    String group() {
        return group;
    }

    MongoTemplate mongo() {
        return mongo;
    }

    ReadModelGenerations generations() {
        return generations;
    }

    ReadModelChangeLog changes() {
        return changes;
    }

    List<Collection<?>> collections() {
        return collections;
    }

    private <C extends Collection<?>> C register(C collection) {
        collections.add(collection);
        return collection;
    }
}
