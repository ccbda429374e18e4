package com.contractledger.api.contract.upcasting;

import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One stored event of a contract, at a revision, read through an upcaster as the event store reads it. */
final class StoredRevision {

    private StoredRevision() {
    }

    static GenericDomainEventEntry<byte[]> stored(Class<?> type, long sequence, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Contract", "ct-2026-001", sequence, "event-1", "2026-12-16T00:00:00.000Z",
                type.getName(), revision, payload, "{}".getBytes());
    }

    static IntermediateEventRepresentation upcast(SingleEventUpcaster upcaster, GenericDomainEventEntry<byte[]> entry) {
        List<IntermediateEventRepresentation> result = new EventUpcasterChain(upcaster)
                .upcast(Stream.of(new InitialEventRepresentation(entry, LedgerJson.serializer()))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }
}
