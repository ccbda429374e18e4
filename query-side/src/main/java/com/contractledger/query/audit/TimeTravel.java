package com.contractledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;

/**
 * Rebuilds a contract's or supplier's state at a point in time from its events in the event store, from the first
 * event on (never from a snapshot), upcast to their current revisions.
 */
@Service
class TimeTravel {

    private final EventStore eventStore;

    TimeTravel(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    ContractStateAtPoint contract(String contractId, PointInTime point) {
        ContractStateFold fold = new ContractStateFold();
        replay(StoredEvents.CONTRACT, contractId, point, fold::apply);
        requireFound(fold.isEmpty(), fold.isEmpty() ? -1 : fold.state().version(), "contract", contractId, point);
        return fold.state();
    }

    SupplierStateAtPoint supplier(String supplierId, PointInTime point) {
        SupplierStateFold fold = new SupplierStateFold();
        replay(StoredEvents.SUPPLIER, supplierId, point, fold::apply);
        requireFound(fold.isEmpty(), fold.isEmpty() ? -1 : fold.state().version(), "supplier", supplierId, point);
        return fold.state();
    }

    @FunctionalInterface
    private interface EventSink {
        void apply(long sequence, Instant timestamp, Object payload);
    }

    private void replay(String aggregateType, String aggregateId, PointInTime point, EventSink sink) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!aggregateType.equals(event.getType()) || !point.includes(event.getSequenceNumber(), event.getTimestamp())) {
                return;
            }
            sink.apply(event.getSequenceNumber(), event.getTimestamp(), event.getPayload());
        }
    }

    private static void requireFound(boolean empty, long version, String what, String id, PointInTime point) {
        if (empty) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, point.asOf() != null
                    ? "no " + what + " " + id + " existed at " + point.asOf()
                    : "no " + what + " is recorded under id " + id);
        }
        if (point.version() != null && version != point.version()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    what + " " + id + " has no version " + point.version() + "; its latest is " + version);
        }
    }
}
