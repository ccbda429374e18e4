package com.contractledger.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the events of one processor batch did to the read model, held in memory until the batch ends: each document
 * is loaded at most once, every event is applied to it in memory, and {@link #flush} writes one bulk per collection,
 * then records the changes for the streams. The flush must come before the batch's token is stored, so that the token
 * never gets ahead of the views ({@link TokenAfterViews}); a crash between the two makes the processor apply the batch
 * again, which the guard turns into nothing but the change records that may be missing. Outside a processor batch
 * (a dead letter retried, a test calling a handler) every write is made at once.
 */
final class ViewBatch {

    private static final String RESOURCE = ViewBatch.class.getName();

    private final List<? extends EventMessage<?>> messages;
    private final Map<Collection<?>, Object> staged = new LinkedHashMap<>();
    private final List<Runnable> changeRecords = new ArrayList<>();
    private final Map<Object, Runnable> announcements = new LinkedHashMap<>();

    private ViewBatch(List<? extends EventMessage<?>> messages) {
        this.messages = messages;
    }

    /** Runs {@code work} in the current processor batch, or in a batch of its own written at once. */
    static void run(Consumer<ViewBatch> work) {
        ViewBatch current = current();
        if (current != null) {
            work.accept(current);
            return;
        }
        ViewBatch now = new ViewBatch(List.of());
        work.accept(now);
        now.flush();
    }

    /** Writes what the current processor batch staged, if there is one. */
    static void flushCurrent() {
        if (CurrentUnitOfWork.isStarted()) {
            ViewBatch current = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (current != null) {
                current.flush();
            }
        }
    }

    private static ViewBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?> unitOfWork)) {
            return null;
        }
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            ViewBatch batch = new ViewBatch(eventsOf(unitOfWork));
            // Without a token store in between (a processor that keeps no token), the batch is written on commit.
            unitOfWork.onPrepareCommit(done -> batch.flush());
            return batch;
        });
    }

    private static List<? extends EventMessage<?>> eventsOf(BatchingUnitOfWork<?> unitOfWork) {
        return unitOfWork.getMessages().stream().filter(EventMessage.class::isInstance)
                .map(message -> (EventMessage<?>) message).toList();
    }

    /** The events of this batch, for looking up every document they will need at once. */
    List<? extends EventMessage<?>> messages() {
        return messages;
    }

    /** The global position of the batch's last event, -1 outside a processor batch. */
    long lastPosition() {
        return messages.stream().mapToLong(message -> message instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null ? tracked.trackingToken().position().orElse(-1) : -1)
                .max().orElse(-1);
    }

    @SuppressWarnings("unchecked")
    <S> S staged(Collection<?> collection, Supplier<S> initial) {
        return (S) staged.computeIfAbsent(collection, key -> initial.get());
    }

    void afterWrite(Runnable changeRecord) {
        changeRecords.add(changeRecord);
    }

    /** Runs once after the writes and change records, whatever the number of events asking: the last one asking. */
    void announceAfterWrite(Object key, Runnable announcement) {
        announcements.put(key, announcement);
    }

    /** Writes every collection's staged documents in the order the read model declares them, then the changes. */
    void flush() {
        if (staged.isEmpty() && changeRecords.isEmpty() && announcements.isEmpty()) {
            return;
        }
        staged.keySet().stream().map(collection -> collection.model).distinct().toList()
                .forEach(model -> model.collections().stream().filter(staged::containsKey)
                        .forEach(collection -> collection.flush(this)));
        List<Runnable> records = List.copyOf(changeRecords);
        changeRecords.clear();
        records.forEach(Runnable::run);
        List<Runnable> announced = List.copyOf(announcements.values());
        announcements.clear();
        announced.forEach(Runnable::run);
    }
}
