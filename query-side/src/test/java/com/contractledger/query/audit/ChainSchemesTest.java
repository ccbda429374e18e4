package com.contractledger.query.audit;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.query.support.ChainedEvents;
import com.contractledger.query.support.Procurement;
import com.contractledger.query.support.SerializedEventStorage;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chains verify under the scheme each event names: events stored before scheme 2 (an export kept as a fixture) as
 * they were hashed then, new ones with their unpaired surrogates told apart, and a scheme-2 event passed off as
 * another scheme does not verify.
 */
class ChainSchemesTest {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final JacksonSerializer serializer = LedgerJson.serializer();
    private final SerializedEventStorage storage = new SerializedEventStorage();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(storage.engine(serializer, NoOpEventUpcaster.INSTANCE))
            .optimizeEventConsumption(false)
            .build();
    private final StoredEvents events = new StoredEvents(store, serializer);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void a_chain_stored_under_scheme_1_still_verifies_lone_surrogate_included() throws IOException {
        List<byte[]> exported = fixture("/stored-events/chain-scheme-1.ndjson");
        for (byte[] line : exported) {
            storage.store(stored(line));
        }
        JsonNode note = JSON.readTree(exported.get(exported.size() - 1));
        assertThat(note.at("/payload/text").asText()).isEqualTo("x\uDC00y");
        assertThat(note.at("/metaData").has(HashChain.HASH_SCHEME)).isFalse();

        assertThat(verify("Contract", "ct-2026-001")).satisfies(chain -> {
            assertThat(chain.verified()).isTrue();
            assertThat(chain.events()).isEqualTo(4);
        });
        assertThat(verify("SupplierRelationship", "sup-002").verified()).isTrue();
        ChainVerification withNote = verify("Contract", "ct-2026-002");
        assertThat(withNote.verified()).isTrue();
        assertThat(withNote.headHash()).isEqualTo(note.at("/metaData/hash").asText());
    }

    @Test
    void a_chain_the_command_side_stamped_under_scheme_2_verifies_lone_surrogates_included() throws IOException {
        // Exported from a JDBC store the HashChainInterceptor appended to: two notes, one by an actor "bu\uDC00yer".
        List<byte[]> exported = fixture("/stored-events/chain-scheme-2.ndjson");
        for (byte[] line : exported) {
            storage.store(stored(line));
        }
        JsonNode last = JSON.readTree(exported.get(exported.size() - 1));
        assertThat(last.at("/payload/text").asText()).startsWith("x\uDC00y");
        assertThat(last.at("/metaData/actor").asText()).isEqualTo("bu\uDC00yer");
        assertThat(last.at("/metaData/hashScheme").asInt()).isEqualTo(2);

        ChainVerification chain = verify("Contract", "ct-s2");
        assertThat(chain.verified()).isTrue();
        assertThat(chain.events()).isEqualTo(3);
        assertThat(chain.headHash()).isEqualTo(last.at("/metaData/hash").asText());
    }

    @Test
    void a_lone_surrogate_changed_in_a_scheme_2_event_breaks_the_chain() {
        String[][] changes = {{"\uD800", "?"}, {"x\uDC00y", "x\uDBFFy"}};
        for (int i = 0; i < changes.length; i++) {
            String[] change = changes[i];
            String contractId = "ct-" + i;
            ChainedEvents history = new ChainedEvents(storage::store);
            history.store(contractId, Procurement.drafted(contractId, "sup-001"));
            SerializedObject<byte[]> note = serializer.serialize(note(contractId, change[0]), byte[].class);
            history.store(contractId, note.getType().getName(), note.getType().getRevision(), note.getData(),
                    serializer.serialize(note(contractId, change[1]), byte[].class).getData());
            history.store(contractId, note(contractId, change[0]));

            ChainVerification chain = verify("Contract", contractId);
            assertThat(chain.verified()).as(change[0] + " stored as " + change[1]).isFalse();
            assertThat(chain.firstBrokenSequence()).isEqualTo(1);
        }
    }

    @Test
    void a_scheme_2_chain_with_lone_surrogates_verifies() {
        ChainedEvents history = new ChainedEvents(storage::store);
        history.store("ct-1", Procurement.drafted("ct-1", "sup-001"));
        history.store("ct-1", note("ct-1", "\uD800"));
        history.store("ct-1", note("ct-1", "x\uDC00y"));

        ChainVerification chain = verify("Contract", "ct-1");
        assertThat(chain.verified()).isTrue();
        assertThat(chain.headHash()).isEqualTo(history.hash("ct-1", 2));
    }

    @Test
    void a_scheme_2_event_whose_scheme_is_removed_or_changed_breaks_the_chain() {
        List<UnaryOperator<ObjectNode>> downgrades = List.of(
                metaData -> metaData.without(HashChain.HASH_SCHEME),
                metaData -> metaData.put(HashChain.HASH_SCHEME, 1),
                metaData -> metaData.put(HashChain.HASH_SCHEME, 3),
                metaData -> metaData.put(HashChain.HASH_SCHEME, "two"));
        for (int i = 0; i < downgrades.size(); i++) {
            String contractId = "ct-" + i;
            UnaryOperator<ObjectNode> downgrade = downgrades.get(i);
            ChainedEvents history = new ChainedEvents(event -> storage.store(
                    event.getSequenceNumber() == 1 ? withMetaData(event, downgrade) : event));
            history.store(contractId, Procurement.drafted(contractId, "sup-001"));
            history.store(contractId, note(contractId, "\uD800"));

            ChainVerification chain = verify("Contract", contractId);
            assertThat(chain.verified()).as(contractId).isFalse();
            assertThat(chain.firstBrokenSequence()).isEqualTo(1);
        }
    }

    private ChainVerification verify(String aggregateType, String aggregateId) {
        ChainVerification.Verifier verifier = new ChainVerification.Verifier(aggregateId);
        events.forEachOf(aggregateType, aggregateId, verifier::accept);
        return verifier.result();
    }

    private static DisputeNoteAddedEvent note(String contractId, String text) {
        return new DisputeNoteAddedEvent(ContractId.of(contractId), "dp-1", text, List.of());
    }

    private static DomainEventData<byte[]> withMetaData(DomainEventData<byte[]> event, UnaryOperator<ObjectNode> change) {
        try {
            ObjectNode metaData = (ObjectNode) JSON.readTree(event.getMetaData().getData());
            return new GenericDomainEventEntry<>(event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getEventIdentifier(), event.getTimestamp().toString(),
                    event.getPayload().getType().getName(), event.getPayload().getType().getRevision(),
                    event.getPayload().getData(), JSON.writeValueAsBytes(change.apply(metaData)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event of an NDJSON export back as it was stored: payload and metadata are the exported JSON's bytes. */
    private static DomainEventData<byte[]> stored(byte[] line) throws IOException {
        JsonNode event = JSON.readTree(line);
        return new GenericDomainEventEntry<>(event.get("aggregateType").asText(), event.get("aggregateId").asText(),
                event.get("sequence").asLong(), event.get("eventId").asText(), event.get("timestamp").asText(),
                event.get("payloadType").asText(), event.get("revision").asText(), member(line, "payload"),
                member(line, "metaData"));
    }

    private static byte[] member(byte[] json, String name) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                if (field.equals(name)) {
                    return Arrays.copyOfRange(json, start, (int) parser.currentLocation().getByteOffset());
                }
            }
        }
        throw new IllegalArgumentException("no member " + name);
    }

    private static List<byte[]> fixture(String resource) throws IOException {
        try (InputStream in = ChainSchemesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
        }
    }
}
