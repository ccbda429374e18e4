package com.contractledger.command.supplier;

import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.ReinstateSupplierCommand;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versions checked on every command, and snapshots that keep the whole state. */
class SupplierSnapshotTest extends SupplierFixture {

    @Test
    void a_command_against_a_stale_version_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new ReinstateSupplierCommand(SUPPLIER, "rectified", 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void a_command_at_the_current_version_is_accepted() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(new ReinstateSupplierCommand(SUPPLIER, "rectified", 1L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierReinstatedEvent(SUPPLIER, "rectified"));
    }

    @Test
    void the_whole_state_survives_a_jackson_round_trip_as_snapshots_need() {
        ObjectMapper mapper = LedgerJson.objectMapper();
        fixture.given(onboarded(SupplierTier.GENERAL),
                        new SupplierClassifiedEvent(SUPPLIER, List.of("fasteners", "springs"), "East China",
                                SupplierScale.LARGE, List.of("automotive")),
                        new SupplierTierChangedEvent(SUPPLIER, SupplierTier.GENERAL, SupplierTier.KEY, "sole source"),
                        evaluated("ev-q3", Q3_START, Q3_END),
                        rectificationRequested("r-1"),
                        new RectificationCompletedEvent(SUPPLIER, "r-1", RectificationOutcome.FAILED, "still late", LocalDate.parse("2026-11-30")),
                        rectificationRequested("r-2"),
                        suspended())
                .when(communicationCommand("c-1"))
                .expectSuccessfulHandlerExecution()
                .expectState(relationship -> {
                    String snapshot = write(mapper, relationship);
                    SupplierRelationship restored = read(mapper, snapshot);
                    JsonNode written = readTree(mapper, snapshot);

                    assertEquals(written, readTree(mapper, write(mapper, restored)));
                    assertEquals(stateFieldNames(), fieldNamesOf(written), "every state field is in the snapshot");
                    assertEquals("sup-001", written.get("supplierId").asText());
                    assertEquals("SUSPENDED", written.get("status").asText());
                    assertEquals("KEY", written.get("tier").asText());
                    assertEquals("2026-07-01", written.at("/evaluationPeriods/ev-q3/start").asText());
                    assertEquals("FAILED", written.at("/rectifications/r-1/outcome").asText());
                    assertTrue(written.at("/rectifications/r-2/outcome").isNull());
                    assertEquals("c-1", written.at("/communicationIds/0").asText());
                });
    }

    private static Set<String> stateFieldNames() {
        return Arrays.stream(SupplierRelationship.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNamesOf(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot serialize " + value, e);
        }
    }

    private static SupplierRelationship read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, SupplierRelationship.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot deserialize " + json, e);
        }
    }

    private static JsonNode readTree(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
