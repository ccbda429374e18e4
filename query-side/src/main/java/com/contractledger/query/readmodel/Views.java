package com.contractledger.query.readmodel;

import com.contractledger.query.common.EventContext;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.springframework.data.mongodb.core.index.Index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Views keyed by id, each belonging to one aggregate and holding, beside the view, the sequence number of that
 * aggregate's last event written into it ({@code lastSequence}). A change made by an event no newer than that changes
 * nothing, so an event applied again — redelivered after a crash, replayed into a complete view — leaves every view
 * as it was. Only one thread applies an aggregate's events (the processors hand each aggregate to one segment), so
 * the comparison cannot be overtaken.
 */
public final class Views<V> extends Collection<V> {

    public static final String LAST_SEQUENCE = "lastSequence";
    /** Keys per lookup: the embedded wire server checks every document found against every key of an {@code $in}. */
    private static final int LOOKUP_CHUNK = 64;

    private final Function<V, String> idOf;
    private Function<EventMessage<?>, Stream<String>> keysOf = Views::aggregateOf;
    private String stream;
    private Function<V, Object> streamed;

    Views(ReadModel model, String base, Class<V> type, Function<V, String> idOf) {
        super(model, base, type);
        this.idOf = idOf;
    }

    public Views<V> index(Index index) {
        addIndex(index);
        return this;
    }

    /**
     * The keys of the views an event will touch, looked up for the whole batch at once; by default the event's
     * aggregate id (a view per aggregate).
     */
    public Views<V> lookingUp(Function<EventMessage<?>, Stream<String>> keys) {
        this.keysOf = keys;
        return this;
    }

    /** Every change of a view is recorded on {@code stream} in the form {@code form} gives it. */
    public Views<V> streamedAs(String stream, Function<V, Object> form) {
        this.stream = stream;
        this.streamed = form;
        return this;
    }

    /** The view as the API serves it. */
    public Optional<V> served(String id) {
        return Optional.ofNullable(model.mongo().findById(id, type, serving()));
    }

    /** The view {@code id} as the events applied so far have left it (those of this batch included). */
    public Optional<V> find(String id) {
        Stored<V>[] found = storedHolder();
        ViewBatch.run(batch -> found[0] = state(batch).load(id));
        return Optional.ofNullable(found[0]).map(Stored::view);
    }

    /** The views {@code ids} as the events applied so far have left them, in the order given; missing ones left out. */
    public List<V> findAll(List<String> ids) {
        List<V> views = new ArrayList<>();
        ViewBatch.run(batch -> {
            State state = state(batch);
            state.loadAll(ids);
            ids.forEach(id -> Optional.ofNullable(state.load(id)).map(Stored::view).ifPresent(views::add));
        });
        return views;
    }

    /** Makes {@code view} the view of its id, unless that view already holds this event or a newer one. */
    public boolean put(EventMessage<?> message, V view) {
        EventContext context = EventContext.of(message);
        boolean[] written = {false};
        ViewBatch.run(batch -> written[0] = state(batch).put(batch, context, view));
        return written[0];
    }

    /**
     * Changes view {@code id} by {@code change}, unless it is missing or already holds this event or a newer one. A
     * change that returns the view as it was writes nothing.
     */
    public boolean update(EventMessage<?> message, String id, UnaryOperator<V> change) {
        EventContext context = EventContext.of(message);
        boolean[] written = {false};
        ViewBatch.run(batch -> {
            State state = state(batch);
            Stored<V> stored = state.load(id);
            if (stored != null && state.isNew(batch, context, id, stored)) {
                written[0] = state.put(batch, context, change.apply(stored.view()));
            }
        });
        return written[0];
    }

    /** The view of the event's aggregate, changed by {@code change}. */
    public boolean update(EventMessage<?> message, UnaryOperator<V> change) {
        return update(message, EventContext.of(message).aggregateId(), change);
    }

    /** Removes view {@code id}, unless it already holds this event or a newer one. */
    public void remove(EventMessage<?> message, String id) {
        EventContext context = EventContext.of(message);
        ViewBatch.run(batch -> {
            State state = state(batch);
            Stored<V> stored = state.load(id);
            if (stored != null && stored.lastSequence() < context.sequence()) {
                state.remove(id);
            }
        });
    }

    @Override
    void flush(ViewBatch batch) {
        state(batch).flush();
    }

    private State state(ViewBatch batch) {
        return batch.staged(this, () -> new State(batch));
    }

    @SuppressWarnings("unchecked")
    private Stored<V>[] storedHolder() {
        return new Stored[1];
    }

    private static Stream<String> aggregateOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> event ? Stream.of(event.getAggregateIdentifier())
                : Stream.empty();
    }

    private record Stored<V>(V view, long lastSequence) {
    }

    /** This collection within one batch: the views loaded (null for none) and the writes not yet made. */
    private final class State {

        private final Map<String, Stored<V>> loaded = new HashMap<>();
        private final Map<String, Write> pending = new LinkedHashMap<>();
        private final ViewBatch batch;
        private boolean lookedUp;

        State(ViewBatch batch) {
            this.batch = batch;
        }

        Stored<V> load(String id) {
            if (!lookedUp) {
                lookedUp = true;
                loadAll(batch.messages().stream().flatMap(keysOf).distinct().toList());
            }
            if (!loaded.containsKey(id)) {
                loadAll(List.of(id));
            }
            return loaded.get(id);
        }

        void loadAll(List<String> ids) {
            List<String> missing = ids.stream().filter(id -> !loaded.containsKey(id)).distinct().toList();
            for (int from = 0; from < missing.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = missing.subList(from, Math.min(from + LOOKUP_CHUNK, missing.size()));
                chunk.forEach(id -> loaded.put(id, null));
                Document query = chunk.size() == 1 ? new Document("_id", chunk.get(0))
                        : new Document("_id", new Document("$in", chunk));
                for (Document document : model.mongo().getCollection(writing()).find(query)) {
                    Object last = document.get(LAST_SEQUENCE);
                    loaded.put(document.getString("_id"), new Stored<>(fromDocument(document),
                            last instanceof Number number ? number.longValue() : -1));
                }
            }
        }

        /**
         * Whether the event is newer than the view. If the view holds exactly this event, the event was applied before
         * (and perhaps crashed before its change was recorded): the change is recorded unless the log has it.
         */
        boolean isNew(ViewBatch batch, EventContext context, String id, Stored<V> stored) {
            if (stored.lastSequence() < context.sequence()) {
                return true;
            }
            if (stored.lastSequence() == context.sequence() && stream != null && !context.replay()) {
                Object form = streamed.apply(stored.view());
                batch.afterWrite(() -> model.changes().recordOnce(context, stream, id, form));
            }
            return false;
        }

        boolean put(ViewBatch batch, EventContext context, V view) {
            String id = idOf.apply(view);
            Stored<V> stored = load(id);
            if (stored != null && (!isNew(batch, context, id, stored) || stored.view().equals(view))) {
                return false;
            }
            Stored<V> changed = new Stored<>(view, context.sequence());
            loaded.put(id, changed);
            pending.put(id, model.encodesEachChange(context) ? new Encoded(replacement(id, changed))
                    : new Unencoded<>(changed));
            if (stream != null && !context.replay()) {
                Object form = streamed.apply(view);
                batch.afterWrite(() -> model.changes().record(context, stream, id, form));
            }
            return true;
        }

        void remove(String id) {
            loaded.put(id, null);
            pending.put(id, new Encoded(new DeleteOneModel<>(new Document("_id", id))));
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<WriteModel<BsonDocument>> writes = new ArrayList<>(pending.size());
            try {
                pending.forEach((id, write) -> writes.add(write instanceof Unencoded<?> unencoded
                        ? replacement(id, unencoded.stored()) : ((Encoded) write).model()));
            } catch (RuntimeException unstorable) {
                long lastPosition = batch.lastPosition();
                model.encodeEachChangeThrough(lastPosition);
                throw new IllegalStateException("a view of " + base() + " cannot be stored" + (lastPosition < 0 ? ""
                        : "; its batch is handled again with each change encoded at once, so that the event that made "
                        + "it fails alone"), unstorable);
            }
            writingCollection().bulkWrite(writes, new BulkWriteOptions().ordered(true));
            pending.clear();
        }

        private WriteModel<BsonDocument> replacement(String id, Stored<?> stored) {
            return new ReplaceOneModel<>(new Document("_id", id),
                    toDocument(stored.view(), Map.of(LAST_SEQUENCE, stored.lastSequence())),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** A write a batch will make: encoded when its event was handled, or to be encoded when the batch is written. */
    private sealed interface Write permits Encoded, Unencoded {
    }

    private record Encoded(WriteModel<BsonDocument> model) implements Write {
    }

    private record Unencoded<V>(Stored<V> stored) implements Write {
    }
}
