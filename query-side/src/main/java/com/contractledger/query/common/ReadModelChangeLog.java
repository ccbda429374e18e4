package com.contractledger.query.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The durable feed of read-model changes behind the live streams. A projection records a view here after it stored
 * it (never while replaying); each change gets the next number of one monotonically increasing sequence, is stored
 * under it and only then handed to live listeners, all under one lock. So the log holds the changes in the order
 * listeners saw them, without holes, and a reconnecting subscriber reads exactly what it missed after the last number
 * it received. The log keeps the latest {@link #RETAINED} changes.
 */
public class ReadModelChangeLog {

    public static final long RETAINED = 100_000;
    private static final long TRIM_EVERY = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ReadModelChangeLog.class);

    /** One change of one view of a stream, caused by event {@code eventId}; {@code view} is the view's JSON. */
    @Document(Change.COLLECTION)
    public record Change(@Id long id, String stream, String key, String eventId, Instant at, String view) {

        public static final String COLLECTION = "read_model_changes";
    }

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private long lastId = -1;

    public ReadModelChangeLog(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @PostConstruct
    public void createIndexes() {
        mongo.indexOps(Change.class).ensureIndex(new Index().on("stream", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(Change.class).ensureIndex(new Index().on("stream", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
    }

    /** Records that {@code view} is the new state of {@code key} in {@code stream}; a replay records nothing. */
    public void record(EventContext context, String stream, String key, Object view) {
        if (context.replay()) {
            return;
        }
        String document;
        try {
            document = json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the view of " + stream + " " + key, e);
        }
        synchronized (this) {
            long id = lastId() + 1;
            Change change = new Change(id, stream, key, context.eventId(), Instant.now(), document);
            mongo.insert(change);
            lastId = id;
            if (id % TRIM_EVERY == 0) {
                mongo.remove(Query.query(where("_id").lte(id - RETAINED)), Change.class);
            }
            for (Consumer<Change> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    log.warn("a change listener failed on {} {}", stream, key, e);
                }
            }
        }
    }

    /**
     * Records the change unless the log already holds the one this event made to {@code key}: for a redelivered event
     * whose view write had been stored before a crash, while the change had not.
     */
    public void recordOnce(EventContext context, String stream, String key, Object view) {
        if (!context.replay() && !mongo.exists(Query.query(where("stream").is(stream).and("key").is(key)
                .and("eventId").is(context.eventId())), Change.class)) {
            record(context, stream, key, view);
        }
    }

    /** Listens to every change recorded from now on, in log order; listeners must not block. */
    public Runnable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Up to {@code limit} changes of {@code stream} (of one {@code key}, if given) after {@code afterId}, in order. */
    public List<Change> after(String stream, String key, long afterId, int limit) {
        Query changes = Query.query(where("stream").is(stream).and("_id").gt(afterId));
        if (key != null) {
            changes.addCriteria(where("key").is(key));
        }
        return mongo.find(changes.with(Sort.by("_id")).limit(limit), Change.class);
    }

    /** The number of the oldest change still kept, or of the next change if the log is empty. */
    public long oldestId() {
        Change oldest = mongo.findOne(new Query().with(Sort.by("_id")).limit(1), Change.class);
        return oldest == null ? lastId() + 1 : oldest.id();
    }

    public synchronized long lastId() {
        if (lastId < 0) {
            Change newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                    Change.class);
            lastId = newest == null ? 0 : newest.id();
        }
        return lastId;
    }
}
