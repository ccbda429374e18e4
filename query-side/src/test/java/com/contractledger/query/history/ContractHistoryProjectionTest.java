package com.contractledger.query.history;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

class ContractHistoryProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ContractHistoryProjection projection = new ContractHistoryProjection(mongo.template(),
            mongo.generations());
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private List<TrackedEventMessage<?>> lifeOf(String contractId, Random random) {
        List<Object> payloads = new ArrayList<>(List.of(drafted(contractId, "sup-001"), signed(contractId)));
        int steps = random.nextInt(8);
        for (int i = 0; i < steps; i++) {
            payloads.add(switch (random.nextInt(5)) {
                case 0 -> amendedPrice(contractId);
                case 1 -> delivered(contractId, "dl-" + i, "2026-12-18", 100, 90, 0, "85.00", false);
                case 2 -> paid(contractId, "pay-" + i, "10.00", "2027-01-10", "10.00");
                case 3 -> breached(contractId, "br-" + i, BreachType.QUANTITY_SHORTFALL, "0.00");
                default -> disputeNote(contractId, "dp-1");
            });
        }
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(events.of(contractId, payload, random.nextBoolean() ? "buyer" : "system", "because " + payload.hashCode()));
        }
        return messages;
    }

    @Test
    void history_entries_equal_the_stored_events_one_for_one_even_when_redelivered() {
        Random random = new Random(20261120);
        List<TrackedEventMessage<?>> stream = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            stream.addAll(lifeOf("ct-" + c, random));
        }
        stream.forEach(message -> projection.on(message.getPayload(), message));
        List<TrackedEventMessage<?>> redelivered = new ArrayList<>(stream.subList(0, stream.size() / 2));
        Collections.shuffle(redelivered, random);
        redelivered.forEach(message -> projection.on(message.getPayload(), Events.replayed(message)));

        for (int c = 0; c < 12; c++) {
            String contractId = "ct-" + c;
            List<TrackedEventMessage<?>> stored = stream.stream()
                    .filter(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier().equals(contractId)).toList();
            ContractHistoryView history = projection.handle(new FindContractHistoryQuery(contractId)).orElseThrow();

            assertThat(history.entries()).extracting(ContractHistoryEntry::eventId)
                    .containsExactlyElementsOf(stored.stream().map(TrackedEventMessage::getIdentifier).toList());
            assertThat(history.entries()).extracting(ContractHistoryEntry::sequence)
                    .containsExactlyElementsOf(stored.stream().map(m -> ((DomainEventMessage<?>) m).getSequenceNumber()).toList());
            assertThat(history.entries()).extracting(ContractHistoryEntry::type).containsExactlyElementsOf(
                    stored.stream().map(m -> m.getPayloadType().getSimpleName().replace("Event", "")).toList());
            assertThat(history.entries()).extracting(ContractHistoryEntry::actor).containsExactlyElementsOf(
                    stored.stream().map(m -> (String) m.getMetaData().get("actor")).toList());
            assertThat(history.entries()).extracting(ContractHistoryEntry::occurredAt)
                    .containsExactlyElementsOf(stored.stream().map(TrackedEventMessage::getTimestamp).toList());
            assertThat(history.version()).isEqualTo(stored.size() - 1);
        }
    }

    @Test
    void an_amendment_entry_carries_its_field_changes_reason_and_correlation() {
        var messages = List.of(events.of("ct-1", drafted("ct-1", "sup-001")),
                events.of("ct-1", amendedPrice("ct-1"), "buyer", "steel price +6%"));
        messages.forEach(message -> projection.on(message.getPayload(), message));

        ContractHistoryEntry amendment = projection.handle(new FindContractHistoryQuery("ct-1")).orElseThrow()
                .entries().get(1);
        assertThat(amendment.type()).isEqualTo("ContractAmended");
        assertThat(amendment.reason()).isEqualTo("steel price +6%");
        assertThat(amendment.correlationId()).isEqualTo("corr-2");
        assertThat(amendment.summary()).isEqualTo("Amendment 1 (PRICE_ADJUSTMENT): steel price +6%; 1 field change");
        assertThat(amendment.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("lineItems[M8-30].unitPrice");
            assertThat(change.before()).isEqualTo("0.85");
            assertThat(change.after()).isEqualTo("0.90");
        });
    }

    @Test
    void supplier_events_and_unknown_contracts_leave_no_history() {
        var supplierEvent = events.of("sup-001", onboarded("sup-001", com.contractledger.api.supplier.SupplierTier.KEY, "East China", "fasteners"));
        projection.on(supplierEvent.getPayload(), supplierEvent);
        assertThat(projection.handle(new FindContractHistoryQuery("sup-001"))).isEmpty();
        assertThat(projection.handle(new FindContractHistoryQuery("ct-9"))).isEmpty();
    }

    @Test
    void a_replay_builds_a_new_generation_while_the_complete_history_is_served_until_the_switch() {
        List<TrackedEventMessage<?>> life = List.of(events.of("ct-1", drafted("ct-1", "sup-001")),
                events.of("ct-1", signed("ct-1")), events.of("ct-1", amendedPrice("ct-1")));
        life.forEach(message -> projection.on(message.getPayload(), message));

        projection.reset();
        projection.on(life.get(0).getPayload(), Events.replayed(life.get(0)));
        assertThat(projection.handle(new FindContractHistoryQuery("ct-1")).orElseThrow().entries()).hasSize(3);
        life.subList(1, 3).forEach(message -> projection.on(message.getPayload(), Events.replayed(message)));
        TrackedEventMessage<?> later = events.of("ct-1", disputeNote("ct-1", "dp-1"));
        projection.on(later.getPayload(), later);
        assertThat(projection.handle(new FindContractHistoryQuery("ct-1")).orElseThrow().entries()).hasSize(3);

        mongo.generations().complete(ContractHistoryProjection.PROCESSING_GROUP);
        assertThat(projection.handle(new FindContractHistoryQuery("ct-1")).orElseThrow().entries())
                .extracting(ContractHistoryEntry::eventId)
                .containsExactly(life.get(0).getIdentifier(), life.get(1).getIdentifier(), life.get(2).getIdentifier(),
                        later.getIdentifier());
        assertThat(mongo.template().getCollectionNames()).contains("contract_history", "contract_history_v1");

        projection.reset();
        assertThat(mongo.template().getCollectionNames()).as("the retired generation goes at the next replay")
                .contains("contract_history_v1").doesNotContain("contract_history");
    }

    @Test
    void a_batch_is_inserted_in_one_bulk_with_its_last_event_and_a_redelivered_batch_adds_nothing() {
        List<TrackedEventMessage<?>> batch = List.of(events.of("ct-1", drafted("ct-1", "sup-001")),
                events.of("sup-001", onboarded("sup-001", SupplierTier.KEY, "East China")),
                events.of("ct-1", signed("ct-1")), events.of("ct-1", amendedPrice("ct-1")));
        List<Integer> seenBeforeLast = new ArrayList<>();
        handleAsOneBatch(batch, message -> seenBeforeLast.add(
                projection.handle(new FindContractHistoryQuery("ct-1")).map(h -> h.entries().size()).orElse(0)));
        assertThat(seenBeforeLast).as("nothing written before the batch's last event").containsOnly(0);
        assertThat(projection.handle(new FindContractHistoryQuery("ct-1")).orElseThrow().entries()).hasSize(3);

        handleAsOneBatch(batch.subList(2, 4), message -> { });
        handleAsOneBatch(List.of(batch.get(0), events.of("ct-1", disputeNote("ct-1", "dp-1"))), message -> { });
        assertThat(projection.handle(new FindContractHistoryQuery("ct-1")).orElseThrow().entries())
                .extracting(ContractHistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void long_histories_come_back_whole_and_in_order_across_lookup_chunks() {
        for (int length : new int[]{255, 256, 257, 700}) {
            String contractId = "ct-long-" + length;
            List<TrackedEventMessage<?>> life = new ArrayList<>(List.of(events.of(contractId,
                    drafted(contractId, "sup-001"))));
            while (life.size() < length) {
                life.add(events.of(contractId, disputeNote(contractId, "dp-1")));
            }
            List<TrackedEventMessage<?>> shuffled = new ArrayList<>(life);
            Collections.shuffle(shuffled, new Random(length));
            shuffled.forEach(message -> projection.on(message.getPayload(), message));

            ContractHistoryView history = projection.handle(new FindContractHistoryQuery(contractId)).orElseThrow();
            assertThat(history.entries()).as("%d events", length).extracting(ContractHistoryEntry::eventId)
                    .containsExactlyElementsOf(life.stream().map(TrackedEventMessage::getIdentifier).toList());
            assertThat(history.version()).isEqualTo(length - 1);
        }
    }

    /** Handles {@code messages} the way a pooled processor with a batch size hands them over: in one unit of work. */
    private void handleAsOneBatch(List<TrackedEventMessage<?>> messages,
                                  Consumer<TrackedEventMessage<?>> beforeEach) {
        var unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(messages));
        unitOfWork.executeWithResult(() -> {
            TrackedEventMessage<?> message = (TrackedEventMessage<?>) unitOfWork.getMessage();
            beforeEach.accept(message);
            projection.on(message.getPayload(), message);
            return null;
        });
    }
}
