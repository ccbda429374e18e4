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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ContractHistoryProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ContractHistoryProjection projection = new ContractHistoryProjection(mongo.template(),
            mongo.generations());
    private final Events events = new Events();

    @BeforeEach
    void start() {
        projection.createIndexes();
    }

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
            ContractHistoryView history = history(contractId).orElseThrow();

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

        ContractHistoryEntry amendment = history("ct-1").orElseThrow()
                .entries().get(1);
        assertThat(amendment.type()).isEqualTo("ContractAmended");
        assertThat(amendment.reason()).isEqualTo("steel price +6%");
        assertThat(amendment.correlationId()).isEqualTo("corr-2");
        assertThat(amendment.summary()).isEqualTo("Amendment 1 (PRICE_ADJUSTMENT): steel price +6%; changed fields: 1");
        assertThat(amendment.phrase()).isEqualTo("ContractAmended");
        assertThat(amendment.facts()).containsExactly(entry("amendmentNumber", "1"), entry("reason", "PRICE_ADJUSTMENT"),
                entry("description", "steel price +6%"), entry("changes", "1"));
        assertThat(amendment.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("lineItems[M8-30].unitPrice");
            assertThat(change.before()).isEqualTo("0.85");
            assertThat(change.after()).isEqualTo("0.90");
        });
    }

    @Test
    void an_entry_is_encoded_and_decoded_as_the_mapping_layer_writes_and_reads_it() {
        for (ContractHistoryEntry entry : List.of(
                new ContractHistoryEntry(7, "ev-7", "ContractAmended", java.time.Instant.parse("2026-11-20T09:30:00.123Z"),
                        "buyer", "steel price", "corr-7", "Amendment 1", "ContractAmended",
                        new java.util.LinkedHashMap<>(java.util.Map.of("amendmentNumber", "1")),
                        List.of(new com.contractledger.api.common.FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90"),
                                new com.contractledger.api.common.FieldChange("lineItems[M9]", null, "added"))),
                new ContractHistoryEntry(0, "ev-0", "ContractDrafted", java.time.Instant.parse("2026-11-20T00:00:00Z"),
                        null, null, null, "Drafted", "ContractDrafted", java.util.Map.of(), List.of()))) {
            org.bson.Document stored = new org.bson.Document();
            mongo.template().getConverter().write(entry, stored);
            org.bson.BsonDocument raw = stored.toBsonDocument(org.bson.Document.class,
                    mongo.template().getDb().getCodecRegistry());
            assertThat(ContractHistoryEntry.fromBson(raw)).isEqualTo(entry)
                    .isEqualTo(mongo.template().getConverter().read(ContractHistoryEntry.class, stored));
            raw.remove("_class");
            assertThat(entry.toBson()).as("encoded as the mapping layer writes it").isEqualTo(raw);
        }
    }

    @Test
    void supplier_events_and_unknown_contracts_leave_no_history() {
        var supplierEvent = events.of("sup-001", onboarded("sup-001", com.contractledger.api.supplier.SupplierTier.KEY, "East China", "fasteners"));
        projection.on(supplierEvent.getPayload(), supplierEvent);
        assertThat(history("sup-001")).isEmpty();
        assertThat(history("ct-9")).isEmpty();
    }

    @Test
    void a_replay_builds_a_new_generation_while_the_complete_history_is_served_until_the_switch() {
        List<TrackedEventMessage<?>> life = List.of(events.of("ct-1", drafted("ct-1", "sup-001")),
                events.of("ct-1", signed("ct-1")), events.of("ct-1", amendedPrice("ct-1")));
        life.forEach(message -> projection.on(message.getPayload(), message));

        projection.reset();
        projection.on(life.get(0).getPayload(), Events.replayed(life.get(0)));
        assertThat(history("ct-1").orElseThrow().entries()).hasSize(3);
        life.subList(1, 3).forEach(message -> projection.on(message.getPayload(), Events.replayed(message)));
        TrackedEventMessage<?> later = events.of("ct-1", disputeNote("ct-1", "dp-1"));
        projection.on(later.getPayload(), later);
        assertThat(history("ct-1").orElseThrow().entries()).hasSize(3);

        mongo.generations().complete(ContractHistoryProjection.PROCESSING_GROUP);
        assertThat(history("ct-1").orElseThrow().entries())
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
                history("ct-1").map(h -> h.entries().size()).orElse(0)));
        assertThat(seenBeforeLast).as("nothing written before the batch's last event").containsOnly(0);
        assertThat(history("ct-1").orElseThrow().entries()).hasSize(3);

        handleAsOneBatch(batch.subList(2, 4), message -> { });
        handleAsOneBatch(List.of(batch.get(0), events.of("ct-1", disputeNote("ct-1", "dp-1"))), message -> { });
        assertThat(history("ct-1").orElseThrow().entries())
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

            ContractHistoryView history = history(contractId).orElseThrow();
            assertThat(history.entries()).as("%d events", length).extracting(ContractHistoryEntry::eventId)
                    .containsExactlyElementsOf(life.stream().map(TrackedEventMessage::getIdentifier).toList());
            assertThat(history.version()).isEqualTo(length - 1);
        }
    }

    @Test
    void a_thousand_event_history_is_read_in_one_lookup_of_a_few_documents() {
        String contractId = "ct-audited";
        List<TrackedEventMessage<?>> life = new ArrayList<>(List.of(events.of(contractId,
                drafted(contractId, "sup-001"))));
        while (life.size() < 1_000) {
            life.add(events.of(contractId, disputeNote(contractId, "dp-1")));
        }
        handleAsOneBatch(life, message -> { });

        int before = mongo.commands().size();
        ContractHistoryView history = history(contractId).orElseThrow();
        assertThat(history.entries()).hasSize(1_000);
        assertThat(mongo.commands().subList(before, mongo.commands().size())).containsExactly("find contract_history");
        assertThat(mongo.template().getCollection("contract_history").countDocuments()).isLessThanOrEqualTo(11);
    }

    @Test
    void a_long_history_is_paged_by_sequence_with_the_cursor_of_the_next_page() {
        List<TrackedEventMessage<?>> life = lifeOfLength("ct-paged", 250);
        handleAsOneBatch(life, message -> { });

        List<Long> sequences = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        Long after = -1L;
        while (after != null) {
            ContractHistoryView page = projection.handle(new FindContractHistoryQuery("ct-paged", after, 100))
                    .orElseThrow();
            assertThat(page.version()).isEqualTo(249);
            page.entries().forEach(entry -> sequences.add(entry.sequence()));
            cursors.add(page.nextAfter());
            after = page.nextAfter();
        }
        assertThat(cursors).containsExactly(99L, 199L, null);
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());

        ContractHistoryView middle = projection.handle(new FindContractHistoryQuery("ct-paged", 120, 5)).orElseThrow();
        assertThat(middle.entries()).extracting(ContractHistoryEntry::eventId).containsExactlyElementsOf(
                life.subList(121, 126).stream().map(TrackedEventMessage::getIdentifier).toList());
        assertThat(middle.nextAfter()).isEqualTo(125);
        for (long beyond : new long[]{249, 250, Long.MAX_VALUE - 1, Long.MAX_VALUE}) {
            ContractHistoryView empty = projection.handle(new FindContractHistoryQuery("ct-paged", beyond, 1_000))
                    .orElseThrow();
            assertThat(empty.entries()).as("after %d", beyond).isEmpty();
            assertThat(empty.nextAfter()).isNull();
            assertThat(empty.version()).isEqualTo(249);
        }
        assertThat(projection.handle(new FindContractHistoryQuery("ct-none", 10, 10))).isEmpty();
    }

    @Test
    void a_batch_applied_again_and_events_replayed_alone_add_no_entry() {
        List<TrackedEventMessage<?>> life = lifeOfLength("ct-again", 305);
        handleAsOneBatch(life, message -> { });
        ContractHistoryView first = history("ct-again").orElseThrow();

        handleAsOneBatch(life.subList(90, 210), message -> { });
        List<TrackedEventMessage<?>> replayed = new ArrayList<>(life.subList(0, 150));
        Collections.shuffle(replayed, new Random(7));
        replayed.forEach(message -> projection.on(message.getPayload(), Events.replayed(message)));

        assertThat(history("ct-again").orElseThrow()).isEqualTo(first);
        assertThat(first.entries()).hasSize(305);
        assertThat(first.entries()).extracting(ContractHistoryEntry::eventId)
                .containsExactlyElementsOf(life.stream().map(TrackedEventMessage::getIdentifier).toList());
        assertThat(mongo.template().getCollection("contract_history").countDocuments()).as("4 blocks and the head")
                .isEqualTo(5);
    }

    @ParameterizedTest(name = "registry of the earlier version: {0}")
    @ValueSource(booleans = {false, true})
    void a_history_stored_a_document_per_entry_is_not_read_but_rebuilt_in_blocks(boolean replayedBefore) {
        try (InMemoryMongo old = new InMemoryMongo()) {
            old.template().getCollection("contract_history").insertOne(new org.bson.Document("_id", "ct-1:0")
                    .append("contractId", "ct-1").append("sequence", 0L).append("type", "ContractDrafted"));
            if (replayedBefore) {
                old.template().getCollection("projection_versions").insertOne(new org.bson.Document("_id",
                        ContractHistoryProjection.PROCESSING_GROUP).append("collections", List.of("contract_history"))
                        .append("live", 0).append("tokensReset", false));
            }
            var upgraded = new ContractHistoryProjection(old.template(), old.generations());
            upgraded.createIndexes();
            assertThat(old.generations().writesOutdatedLayout(ContractHistoryProjection.PROCESSING_GROUP)).isTrue();
            TrackedEventMessage<?> drafted = events.of("ct-1", drafted("ct-1", "sup-001"));
            TrackedEventMessage<?> signed = events.of("ct-1", signed("ct-1"));
            upgraded.on(signed.getPayload(), signed);
            assertThat(upgraded.handle(new FindContractHistoryQuery("ct-1", -1, 10)))
                    .as("the old generation, written in two layouts, is not served").isEmpty();

            upgraded.reset();
            assertThat(old.generations().writesOutdatedLayout(ContractHistoryProjection.PROCESSING_GROUP)).isFalse();
            List.of(drafted, signed).forEach(message -> upgraded.on(message.getPayload(), Events.replayed(message)));
            old.generations().complete(ContractHistoryProjection.PROCESSING_GROUP);
            assertThat(upgraded.handle(new FindContractHistoryQuery("ct-1", -1, 10)).orElseThrow().entries())
                    .extracting(ContractHistoryEntry::eventId)
                    .containsExactly(drafted.getIdentifier(), signed.getIdentifier());
        }
        assertThat(mongo.generations().writesOutdatedLayout(ContractHistoryProjection.PROCESSING_GROUP))
                .as("an empty store is of the new layout at once").isFalse();
    }

    private List<TrackedEventMessage<?>> lifeOfLength(String contractId, int length) {
        List<TrackedEventMessage<?>> life = new ArrayList<>(List.of(events.of(contractId,
                drafted(contractId, "sup-001"))));
        while (life.size() < length) {
            life.add(events.of(contractId, disputeNote(contractId, "dp-1")));
        }
        return life;
    }

    private Optional<ContractHistoryView> history(String contractId) {
        return projection.handle(new FindContractHistoryQuery(contractId, -1, ContractHistoryProjection.PAGE_SIZE));
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
