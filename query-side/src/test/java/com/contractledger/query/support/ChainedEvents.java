package com.contractledger.query.support;

import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.api.supplier.SupplierTier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Events as the command side stores them: serialized by the ledger's serializer, linked into their aggregate's hash
 * chain ({@link HashChain}), by actor {@code buyer}, one minute apart, handed to a store in the order given.
 */
public final class ChainedEvents {

    private final Serializer serializer = LedgerJson.serializer();
    private final Consumer<DomainEventData<byte[]>> store;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final List<String> timestamps = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-20T08:00:00.123Z");

    public ChainedEvents(Consumer<DomainEventData<byte[]>> store) {
        this.store = store;
    }

    /**
     * Two suppliers with a contract each (global positions from 0): sup-001 (0), ct-2026-001 drafted with it (1),
     * sup-002 (2), ct-2026-002 drafted with it (3), ct-2026-001 signed (4), delivered as stored at revision 1 (5),
     * ct-2026-002 signed (6), ct-2026-001 paid (7).
     */
    public ChainedEvents walkthrough() {
        store("sup-001", Procurement.onboarded("sup-001", SupplierTier.KEY, "East China", "fasteners"));
        store("ct-2026-001", Procurement.drafted("ct-2026-001", "sup-001"));
        store("sup-002", Procurement.onboarded("sup-002", SupplierTier.GENERAL, "North China", "fasteners"));
        store("ct-2026-002", Procurement.drafted("ct-2026-002", "sup-002"));
        store("ct-2026-001", Procurement.signed("ct-2026-001"));
        byte[] revision1 = deliveryStoredAtRevision1();
        store("ct-2026-001", ContractDeliveredEvent.class.getName(), "1", revision1, revision1);
        store("ct-2026-002", Procurement.signed("ct-2026-002"));
        store("ct-2026-001", Procurement.paid("ct-2026-001", "pay-1", "4930.00", "2027-01-10", "4930.00"));
        return this;
    }

    public void store(String aggregateId, Object payload) {
        SerializedObject<byte[]> serialized = serializer.serialize(payload, byte[].class);
        store(aggregateId, serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData(),
                serialized.getData());
    }

    /** {@code hashed} is the payload the chain is computed over, {@code stored} what the store is given. */
    public void store(String aggregateId, String payloadType, String revision, byte[] hashed, byte[] stored) {
        String aggregateType = aggregateId.startsWith("sup-") ? "SupplierRelationship" : "Contract";
        long sequence = sequences.merge(aggregateId, 0L, (last, one) -> last + 1);
        String eventId = UUID.randomUUID().toString();
        clock = clock.plusSeconds(60);
        String timestamp = DateTimeUtils.formatInstant(clock);
        String previousHash = sequence == 0 ? HashChain.GENESIS : hash(aggregateId, sequence - 1);
        String hash = HashChain.hash(HashChain.SCHEME, previousHash, aggregateId, sequence, eventId, payloadType, timestamp, "buyer",
                hashed);
        hashes.put(aggregateId + "/" + sequence, hash);
        timestamps.add(timestamp);
        byte[] metaData = serializer.serialize(MetaData.with("actor", "buyer").and("correlationId", "corr-" + eventId)
                .and(HashChain.HASH_SCHEME, HashChain.SCHEME).and(HashChain.PREVIOUS_HASH, previousHash).and(HashChain.HASH, hash), byte[].class).getData();
        store.accept(new GenericDomainEventEntry<>(aggregateType, aggregateId, sequence, eventId, timestamp,
                payloadType, revision, stored, metaData));
    }

    public String hash(String aggregateId, long sequence) {
        return hashes.get(aggregateId + "/" + sequence);
    }

    /** The stored timestamp of the event at this global position. */
    public String timestamp(int position) {
        return timestamps.get(position);
    }

    /** The fixture of shared-events without the file's final line break, as the serializer wrote it then. */
    public static byte[] deliveryStoredAtRevision1() {
        try (InputStream in = ChainedEvents.class.getResourceAsStream(
                "/stored-events/ContractDeliveredEvent-revision-1.json")) {
            if (in == null) {
                throw new IllegalStateException("the fixture of shared-events' test jar is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
