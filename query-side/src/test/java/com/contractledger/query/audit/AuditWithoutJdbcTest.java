package com.contractledger.query.audit;

import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.upcasting.ContractDeliveredEventUpcaster;
import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.query.support.ChainedEvents;
import com.contractledger.query.support.Procurement;
import com.contractledger.query.support.SerializedEventStorage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The auditor's reads on an event store that is not JDBC-backed: events kept serialized in memory, read as the
 * ledger reads them (through the upcaster of {@link ContractDeliveredEvent} revision 1) and as the audit reads them
 * (without upcasters). The events are stored as the command side stores them, linked by {@link HashChain}.
 */
@Timeout(30)
class AuditWithoutJdbcTest {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    private static final int PAGE_SIZE = 3;
    private static final String NDJSON = "application/x-ndjson";

    private final JacksonSerializer serializer = LedgerJson.serializer();
    private final SerializedEventStorage storage = new SerializedEventStorage();
    private final EmbeddedEventStore ledger = EmbeddedEventStore.builder()
            .storageEngine(storage.engine(serializer, new EventUpcasterChain(new ContractDeliveredEventUpcaster())))
            .build();
    private final EmbeddedEventStore withoutUpcasters = EmbeddedEventStore.builder()
            .storageEngine(storage.engine(serializer, NoOpEventUpcaster.INSTANCE))
            .optimizeEventConsumption(false)
            .build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChainedEvents history = new ChainedEvents(storage::store);

    @AfterEach
    void shutDown() {
        ledger.shutDown();
        withoutUpcasters.shutDown();
    }

    @Test
    void the_events_of_an_aggregate_are_shown_as_stored_an_old_revision_in_its_old_form() throws Exception {
        history.walkthrough();

        JsonNode events = json(perform(get("/api/contracts/ct-2026-001/events")));
        assertThat(events).hasSize(4);
        String previousHash = HashChain.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("aggregateType").asText()).isEqualTo("Contract");
            assertThat(event.get("globalPosition").isNull()).as("not known to a read of one aggregate").isTrue();
            assertThat(event.at("/metaData/actor").asText()).isEqualTo("buyer");
            assertThat(event.at("/metaData/previousHash").asText()).isEqualTo(previousHash);
            previousHash = event.at("/metaData/hash").asText();
        }
        assertThat(events.get(0).get("type").asText()).isEqualTo("ContractDraftedEvent");
        assertThat(events.get(0).get("timestamp").asText()).isEqualTo(history.timestamp(1));
        JsonNode delivery = events.get(2);
        assertThat(delivery.get("type").asText()).isEqualTo("ContractDeliveredEvent");
        assertThat(delivery.get("revision").asText()).isEqualTo("1");
        assertThat(delivery.get("payload")).isEqualTo(JSON.readTree(ChainedEvents.deliveryStoredAtRevision1()));
        assertThat(delivery.get("payload").has("inspector")).isFalse();

        assertThat(json(perform(get("/api/suppliers/sup-001/events")))).singleElement()
                .satisfies(event -> assertThat(event.get("type").asText()).isEqualTo("SupplierOnboardedEvent"));
        MockHttpServletResponse notASupplier = perform(get("/api/suppliers/ct-2026-001/events"));
        assertThat(notASupplier.getStatus()).isEqualTo(404);
        assertThat(notASupplier.getContentType()).isEqualTo("application/problem+json");
        assertThat(perform(get("/api/contracts/ct-9/events")).getStatus()).isEqualTo(404);
    }

    @Test
    void an_old_revision_verifies_from_its_stored_bytes_though_the_upcaster_changes_it() throws Exception {
        history.walkthrough();

        JsonNode verified = json(perform(get("/api/audit/contracts/ct-2026-001/verify")));
        assertThat(verified.get("verified").asBoolean()).isTrue();
        assertThat(verified.get("events").asLong()).isEqualTo(4);
        assertThat(verified.get("headHash").asText()).isEqualTo(history.hash("ct-2026-001", 3));
        assertThat(verified.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(json(perform(get("/api/audit/suppliers/sup-001/verify"))).get("verified").asBoolean()).isTrue();

        // Read through the upcasters, the delivery is no longer the payload its hash was computed over.
        MockMvc throughUpcasters = audit(new StoredEvents(ledger, serializer));
        JsonNode upcast = json(perform(throughUpcasters, get("/api/contracts/ct-2026-001/events"))).get(2);
        assertThat(upcast.get("revision").asText()).isEqualTo("2");
        assertThat(upcast.get("payload").has("inspector")).isTrue();
        JsonNode broken = json(perform(throughUpcasters, get("/api/audit/contracts/ct-2026-001/verify")));
        assertThat(broken.get("verified").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(2);
    }

    @Test
    void a_payload_changed_in_the_store_breaks_the_chain_from_that_event() throws Exception {
        history.walkthrough();
        history.store("ct-2026-003", Procurement.drafted("ct-2026-003", "sup-001"));
        SerializedObject<byte[]> signed = serializer.serialize(Procurement.signed("ct-2026-003"), byte[].class);
        byte[] backdated = new String(signed.getData(), StandardCharsets.UTF_8).replace("2026-11-25", "2026-11-24")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(backdated).isNotEqualTo(signed.getData());
        history.store("ct-2026-003", signed.getType().getName(), signed.getType().getRevision(), signed.getData(),
                backdated);
        history.store("ct-2026-003", Procurement.paid("ct-2026-003", "pay-1", "100.00", "2027-01-10", "100.00"));

        JsonNode tampered = json(perform(get("/api/audit/contracts/ct-2026-003/verify")));
        assertThat(tampered.get("verified").asBoolean()).isFalse();
        assertThat(tampered.get("events").asLong()).isEqualTo(3);
        assertThat(tampered.get("firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(json(perform(get("/api/audit/contracts/ct-2026-001/verify"))).get("verified").asBoolean()).isTrue();
        assertThat(perform(get("/api/audit/contracts/ct-9/verify")).getStatus()).isEqualTo(404);
    }

    @Test
    void the_state_at_a_version_or_an_instant_is_rebuilt_through_the_upcaster() throws Exception {
        history.walkthrough();

        JsonNode delivered = json(perform(get("/api/contracts/ct-2026-001/state?version=2")));
        assertThat(delivered.get("version").asLong()).isEqualTo(2);
        assertThat(delivered.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(delivered.at("/deliveries/0/delivered").decimalValue()).isEqualByComparingTo("6000");
        assertThat(delivered.at("/deliveries/0/rejected").decimalValue()).isEqualByComparingTo("200");
        assertThat(delivered.at("/deliveredValue/amount").asText()).isEqualTo("5400.00");

        String deliveredAt = history.timestamp(5);
        assertThat(json(perform(get("/api/contracts/ct-2026-001/state?asOf=" + deliveredAt)))).isEqualTo(delivered);
        assertThat(json(perform(get("/api/contracts/ct-2026-001/state"))).get("version").asLong()).isEqualTo(3);
        assertThat(json(perform(get("/api/suppliers/sup-001/state?version=0"))).get("tier").asText()).isEqualTo("KEY");
    }

    @Test
    void the_export_streams_the_events_stored_when_it_began_with_their_positions_and_ends() throws Exception {
        history.walkthrough();
        storage.afterHeadTaken(() -> {
            storage.afterHeadTaken(() -> {
            });
            history.store("ct-2026-002", Procurement.paid("ct-2026-002", "pay-1", "100.00", "2027-01-10", "100.00"));
        });

        MockHttpServletResponse export = perform(get("/api/audit/export").accept(NDJSON));
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).startsWith(NDJSON);
        List<JsonNode> lines = lines(export);
        assertThat(lines).extracting(line -> line.get("globalPosition").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(storage.size()).as("one more stored after the export began").isEqualTo(9);
        assertThat(meters.get("ledger.audit.export.pages").counter().count()).as("3 + 3 + 2 events").isEqualTo(3);
        assertThat(meters.get("ledger.audit.export.page.rows").summary().max()).isEqualTo(PAGE_SIZE);

        JsonNode events = json(perform(get("/api/contracts/ct-2026-001/events")));
        List<JsonNode> exported = lines.stream()
                .filter(line -> line.get("aggregateId").asText().equals("ct-2026-001")).toList();
        assertThat(exported).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) events.get(i)).set("globalPosition", exported.get(i).get("globalPosition"));
            assertThat(exported.get(i)).isEqualTo(events.get(i));
        }
    }

    @Test
    void a_supplier_export_holds_its_events_and_those_of_the_contracts_drafted_with_it() throws Exception {
        history.walkthrough();

        assertThat(lines(perform(get("/api/audit/export?supplierId=sup-001"))))
                .extracting(line -> line.get("aggregateId").asText())
                .containsExactly("sup-001", "ct-2026-001", "ct-2026-001", "ct-2026-001", "ct-2026-001");
        // From after the contract was drafted: the contract is still known to be the supplier's.
        assertThat(lines(perform(get("/api/audit/export?supplierId=sup-001&from=" + history.timestamp(5)))))
                .extracting(line -> line.get("sequence").asLong() + " " + line.get("aggregateId").asText())
                .containsExactly("2 ct-2026-001", "3 ct-2026-001");
        assertThat(lines(perform(get("/api/audit/export?contractId=ct-2026-002"))))
                .extracting(line -> line.get("globalPosition").asLong())
                .containsExactly(3L, 6L);
    }

    @Test
    void the_time_range_compares_instants_from_inclusive_to_exclusive() throws Exception {
        history.walkthrough();
        String from = Instant.parse(history.timestamp(2)).atOffset(ZoneOffset.ofHours(8)).toString();
        String to = Instant.parse(history.timestamp(5)).atOffset(ZoneOffset.ofHours(8)).toString();
        assertThat(from).endsWith("+08:00");

        assertThat(lines(perform(get("/api/audit/export").param("from", from).param("to", to))))
                .extracting(line -> line.get("globalPosition").asLong())
                .containsExactly(2L, 3L, 4L);
        assertThat(lines(perform(get("/api/audit/export?from=2027-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void the_csv_export_carries_the_chain_and_the_stored_payload() throws Exception {
        history.walkthrough();

        MockHttpServletResponse csv = perform(get("/api/audit/export?format=csv&contractId=ct-2026-001"));
        assertThat(csv.getContentType()).startsWith("text/csv");
        List<String> rows = csv.getContentAsString().lines().toList();
        assertThat(rows.get(0)).isEqualTo(String.join(",", AuditExport.CSV_COLUMNS));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(3)).startsWith("5,Contract,ct-2026-001,2,")
                .contains(",1," + history.timestamp(5) + ",buyer,")
                .contains("," + history.hash("ct-2026-001", 1) + "," + history.hash("ct-2026-001", 2) + ",");
    }

    @Test
    void bad_export_parameters_are_problems_also_when_ndjson_is_asked_for() throws Exception {
        history.walkthrough();
        for (String query : List.of("from=monday", "to=2026-13-01T00:00:00Z", "format=xml",
                "contractId=ct-2026-001&supplierId=sup-001", "contractId=ct%202026")) {
            MockHttpServletResponse answer = perform(get("/api/audit/export?" + query + (query.startsWith("format")
                    ? "" : "&format=ndjson")).accept(NDJSON));
            assertThat(answer.getStatus()).as(query).isEqualTo(400);
            assertThat(answer.getContentType()).as(query).isEqualTo("application/problem+json");
            assertThat(answer.getHeader("Content-Disposition")).as(query).isNull();
            JsonNode problem = JSON.readTree(answer.getContentAsByteArray());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void a_failure_before_the_first_byte_of_an_export_is_a_problem_not_an_empty_answer() throws Exception {
        EventStore unreachable = mock(EventStore.class);
        when(unreachable.createHeadToken()).thenThrow(new EventStoreException("no connection to Axon Server"));
        MockHttpServletResponse answer = perform(audit(new StoredEvents(unreachable, serializer)),
                get("/api/audit/export?format=ndjson").accept(NDJSON));
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getContentType()).isEqualTo("application/problem+json");
        assertThat(answer.getHeader("Content-Disposition")).isNull();
        assertThat(JSON.readTree(answer.getContentAsByteArray()).get("status").asInt()).isEqualTo(503);

        EventStore broken = mock(EventStore.class);
        when(broken.createHeadToken()).thenThrow(new IllegalStateException("a bug"));
        MockHttpServletResponse failed = perform(audit(new StoredEvents(broken, serializer)),
                get("/api/audit/export?format=csv"));
        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(failed.getContentType()).isEqualTo("application/problem+json");
        assertThat(failed.getContentAsString()).doesNotContain("a bug");
    }

    private MockMvc audit(StoredEvents events) {
        AuditExport export = new AuditExport(events, PAGE_SIZE,
                new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));
        return MockMvcBuilders.standaloneSetup(new AuditController(new TimeTravel(ledger), events, export))
                .setMessageConverters(new MappingJackson2HttpMessageConverter(JSON))
                .build();
    }

    private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        return perform(audit(new StoredEvents(withoutUpcasters, serializer)), request);
    }

    private static MockHttpServletResponse perform(MockMvc audit, RequestBuilder request) throws Exception {
        return audit.perform(request).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsByteArray());
    }

    private static List<JsonNode> lines(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.getContentAsString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
