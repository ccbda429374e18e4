package com.contractledger.query.common;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insert-once documents of one processor batch, written together in a bulk per collection. They are flushed while
 * the batch's last event is handled, not in the unit of work's prepare-commit phase: Axon stores the batch's token in
 * that phase before any handler registered later, and the token must never get ahead of the documents. Outside a
 * batch (a single event, a test calling the handler) each document is written at once.
 */
public final class BatchedInserts {

    private static final String PENDING = BatchedInserts.class.getName();

    private BatchedInserts() {
    }

    /**
     * Queues {@code document} for {@code collection}; writes everything queued in this batch when the event being
     * handled is the batch's last. Handlers of a processing group that uses this must call it (or {@link #flushIfLast})
     * for every event they receive, so the flush never misses the last one.
     */
    public static void insertOnce(MongoTemplate mongo, String collection, Object document) {
        BatchingUnitOfWork<?> batch = currentBatch();
        if (batch == null) {
            GuardedWrites.insertOnce(mongo, collection, document);
            return;
        }
        pending(batch).computeIfAbsent(collection, name -> new ArrayList<>()).add(document);
        flushIfLast(mongo);
    }

    /** Writes what this batch queued if the event being handled is the batch's last. */
    public static void flushIfLast(MongoTemplate mongo) {
        BatchingUnitOfWork<?> batch = currentBatch();
        if (batch != null && batch.isLastMessage()) {
            Map<String, List<Object>> pending = pending(batch);
            pending.forEach((collection, documents) -> GuardedWrites.insertAllOnce(mongo, collection, documents));
            pending.clear();
        }
    }

    private static Map<String, List<Object>> pending(BatchingUnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> new LinkedHashMap<>());
    }

    private static BatchingUnitOfWork<?> currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root instanceof BatchingUnitOfWork<?> batch ? batch : null;
    }
}
