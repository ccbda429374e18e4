package com.contractledger.query.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The durable feed of read-model changes behind the live streams. A projection records a view here after it stored
 * it (never while replaying). Each change gets the next number of one sequence kept in MongoDB (a counter document
 * incremented atomically), so query-side instances sharing a database number their changes in one order. Every
 * instance hands the changes to its live listeners in that order, its own at once and the others' from a poll of the
 * next numbers every {@link #POLL_INTERVAL}; a number taken but never stored (its instance died in between) is passed
 * over after {@link #gapTimeout}. A reconnecting subscriber reads what it missed after the last number it received.
 * The log keeps the latest {@link #RETAINED} changes.
 */
public class ReadModelChangeLog {

    public static final long RETAINED = 100_000;
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final long TRIM_EVERY = 1_000;
    private static final int POLL_WINDOW = 64;
    private static final String COUNTERS = "read_model_counters";
    private static final String COUNTER = Change.COLLECTION;
    private static final Logger log = LoggerFactory.getLogger(ReadModelChangeLog.class);

    /** One change of one view of a stream, caused by event {@code eventId}; {@code view} is the view's JSON. */
    @Document(Change.COLLECTION)
    public record Change(@Id long id, String stream, String key, String eventId, Instant at, String view) {

        public static final String COLLECTION = "read_model_changes";
    }

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Duration gapTimeout;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    /** Changes recorded here and not yet handed out, because a lower number has not been. */
    private final NavigableMap<Long, Change> recordedHere = new TreeMap<>();
    private final Set<Long> abandoned = new HashSet<>();
    private long next = -1;
    private Instant gapSince;
    private ScheduledExecutorService poller;

    public ReadModelChangeLog(MongoTemplate mongo, ObjectMapper json) {
        this(mongo, json, Duration.ofSeconds(5));
    }

    public ReadModelChangeLog(MongoTemplate mongo, ObjectMapper json, Duration gapTimeout) {
        this.mongo = mongo;
        this.json = json;
        this.gapTimeout = gapTimeout;
    }

    /** Creates the indexes and starts polling for the changes other instances record. */
    @PostConstruct
    public void start() {
        mongo.indexOps(Change.class).ensureIndex(new Index().on("stream", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(Change.class).ensureIndex(new Index().on("stream", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
        firstUndelivered();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-changes");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
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
        long id = nextNumber();
        Change change = new Change(id, stream, key, context.eventId(), Instant.now(), document);
        try {
            mongo.insert(change);
        } catch (RuntimeException e) {
            abandon(id);
            throw e;
        }
        handOut(change);
        if (id % TRIM_EVERY == 0) {
            mongo.remove(Query.query(where("_id").lte(id - RETAINED)), Change.class);
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

    /** The newest change of {@code key} in {@code stream} still kept. */
    public Optional<Change> latest(String stream, String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("stream").is(stream).and("key").is(key))
                .with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Change.class));
    }

    /** The number of the oldest change still kept, or of the next change if the log is empty. */
    public long oldestId() {
        Change oldest = mongo.findOne(new Query().with(Sort.by("_id")).limit(1), Change.class);
        return oldest == null ? lastId() + 1 : oldest.id();
    }

    /** The number of the newest change handed to this instance's listeners. */
    public synchronized long lastId() {
        return firstUndelivered() - 1;
    }

    /** Hands out, in order, every change recorded by any instance that is now due; called by the poller. */
    public synchronized void poll() {
        long from = firstUndelivered();
        List<Long> window = LongStream.range(from, from + POLL_WINDOW).boxed().toList();
        for (Change stored : mongo.find(Query.query(where("_id").in(window)), Change.class)) {
            recordedHere.putIfAbsent(stored.id(), stored);
        }
        deliverDue();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("polling the read-model change log failed", e);
        }
    }

    private synchronized void handOut(Change change) {
        firstUndelivered();
        recordedHere.put(change.id(), change);
        deliverDue();
    }

    private synchronized void abandon(long id) {
        abandoned.add(id);
        deliverDue();
    }

    /**
     * Delivers the changes from {@link #next} on while they are known. A missing number with later ones known is a
     * change still being stored by another instance, or one that never will be: it is waited for up to the gap
     * timeout, then passed over.
     */
    private void deliverDue() {
        recordedHere.headMap(next).clear();
        while (true) {
            if (abandoned.remove(next)) {
                next++;
                continue;
            }
            Change due = recordedHere.remove(next);
            if (due != null) {
                next++;
                gapSince = null;
                for (Consumer<Change> listener : listeners) {
                    try {
                        listener.accept(due);
                    } catch (RuntimeException e) {
                        log.warn("a change listener failed on {} {}", due.stream(), due.key(), e);
                    }
                }
                continue;
            }
            if (recordedHere.isEmpty()) {
                gapSince = null;
                return;
            }
            Instant now = Instant.now();
            if (gapSince == null) {
                gapSince = now;
                return;
            }
            if (Duration.between(gapSince, now).compareTo(gapTimeout) < 0) {
                return;
            }
            log.warn("read-model changes {} to {} were never stored; passing over them", next,
                    recordedHere.firstKey() - 1);
            next = recordedHere.firstKey();
            gapSince = null;
        }
    }

    /** The next number to hand out; at first the one after the newest number taken so far by any instance. */
    private synchronized long firstUndelivered() {
        if (next < 0) {
            next = currentNumber() + 1;
        }
        return next;
    }

    private long nextNumber() {
        firstUndelivered();
        org.bson.Document counter = mongo.findAndModify(Query.query(where("_id").is(COUNTER)),
                new Update().inc("value", 1L), FindAndModifyOptions.options().returnNew(true),
                org.bson.Document.class, COUNTERS);
        return ((Number) counter.get("value")).longValue();
    }

    /** The counter's value, created from the newest stored change the first time (logs written before it existed). */
    private long currentNumber() {
        org.bson.Document counter = mongo.findById(COUNTER, org.bson.Document.class, COUNTERS);
        if (counter == null) {
            Change newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                    Change.class);
            try {
                mongo.insert(new org.bson.Document("_id", COUNTER).append("value", newest == null ? 0L : newest.id()),
                        COUNTERS);
            } catch (DuplicateKeyException createdByAnotherInstance) {
                // the other instance's counter is as good
            }
            counter = mongo.findById(COUNTER, org.bson.Document.class, COUNTERS);
        }
        return ((Number) counter.get("value")).longValue();
    }
}
