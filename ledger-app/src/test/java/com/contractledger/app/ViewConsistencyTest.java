package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consistency check finds what a view misses, without a running ledger: export lines and views as given. */
class ViewConsistencyTest {

    private static final List<String> EXPORT = List.of(
            event("SupplierRelationship", "sup-1", 0, "e0", "com.x.SupplierOnboardedEvent", "{\"supplierId\": \"sup-1\"}"),
            event("Contract", "ct-1", 0, "e1", "com.x.ContractDraftedEvent", """
                    {"contractId": "ct-1", "terms": {"deliveries": [{"milestoneId": "d1"}],
                     "paymentTerms": {"schedule": [{"milestoneId": "p1"}]}}}"""),
            event("Contract", "ct-1", 1, "e2", "com.x.ContractSignedEvent", "{\"contractId\": \"ct-1\"}"),
            event("Contract", "ct-1", 2, "e3", "com.x.DisputeOpenedEvent", "{\"disputeId\": \"dp-1\"}"),
            event("Contract", "ct-1", 3, "e4", "com.x.DisputeNoteAddedEvent", "{\"disputeId\": \"dp-1\"}"));

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> views = new HashMap<>();

    @BeforeEach
    void consistentViews() {
        views.put("/api/admin/projections", "[{\"name\": \"contract-history\", \"deadLetters\": 0}]");
        views.put("/api/suppliers/sup-1", "{\"version\": 0}");
        views.put("/api/contracts/ct-1", "{\"version\": 3}");
        views.put("/api/contracts/ct-1/history", history(0, 1, 2, 3));
        views.put("/api/contracts/ct-1/disputes", "[{\"disputeId\": \"dp-1\", \"entries\": [{}, {}]}]");
        views.put("/api/milestones?size=200&page=0", """
                {"items": [{"contractId": "ct-1", "kind": "DELIVERY", "milestoneId": "d1"},
                           {"contractId": "ct-1", "kind": "PAYMENT", "milestoneId": "p1"}], "total": 2}""");
    }

    @Test
    void views_that_hold_every_event_are_consistent() {
        assertThat(check()).isEmpty();
    }

    @Test
    void an_event_missing_from_the_history_is_found() {
        views.put("/api/contracts/ct-1/history", history(0, 1, 3));
        assertThat(check()).singleElement().asString().contains("ct-1 history", "[0:e1, 1:e2, 3:e4]");
    }

    @Test
    void a_summary_behind_the_store_is_found() {
        views.put("/api/contracts/ct-1", "{\"version\": 2}");
        assertThat(check()).containsExactly("contract ct-1 summary is at version 2, the store at 3");
    }

    @Test
    void a_missing_supplier_profile_is_found() {
        views.remove("/api/suppliers/sup-1");
        assertThat(check()).containsExactly("supplier sup-1 profile is missing (latest stored sequence 0)");
    }

    @Test
    void a_dispute_step_missing_from_its_timeline_is_found() {
        views.put("/api/contracts/ct-1/disputes", "[{\"disputeId\": \"dp-1\", \"entries\": [{}]}]");
        assertThat(check()).containsExactly("contract ct-1 dispute dp-1 has 2 stored events but 1 timeline entries");
    }

    @Test
    void an_unlisted_milestone_is_found() {
        views.put("/api/milestones?size=200&page=0", """
                {"items": [{"contractId": "ct-1", "kind": "DELIVERY", "milestoneId": "d1"}], "total": 1}""");
        assertThat(check()).containsExactly("milestone ct-1/PAYMENT/p1 of the latest terms is not listed");
    }

    @Test
    void events_parked_as_dead_letters_are_excused_from_their_projection_only() {
        views.put("/api/admin/projections", "[{\"name\": \"contract-history\", \"deadLetters\": 2}]");
        views.put("/api/admin/projections/contract-history/dead-letters?size=200", """
                [{"aggregateId": "ct-1", "aggregateSequence": 2, "eventId": "e3"},
                 {"aggregateId": "ct-1", "aggregateSequence": 3, "eventId": "e4"}]""");
        views.put("/api/contracts/ct-1/history", history(0, 1));
        assertThat(check()).isEmpty();

        views.put("/api/contracts/ct-1", "{\"version\": 1}");
        assertThat(check()).containsExactly("contract ct-1 summary is at version 1, the store at 3");
    }

    @Test
    void a_dead_letter_of_no_stored_event_is_found() {
        views.put("/api/admin/projections", "[{\"name\": \"contract-history\", \"deadLetters\": 1}]");
        views.put("/api/admin/projections/contract-history/dead-letters?size=200",
                "[{\"aggregateId\": \"ct-9\", \"aggregateSequence\": 0, \"eventId\": \"e9\"}]");
        assertThat(check()).containsExactly("contract-history parked event e9 is not stored");
    }

    private List<String> check() {
        return ViewConsistency.inconsistencies(EXPORT, path -> {
            String body = views.get(path);
            return body == null ? null : read(body);
        });
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String history(int... sequences) {
        StringBuilder entries = new StringBuilder();
        for (int sequence : sequences) {
            entries.append(entries.isEmpty() ? "" : ",").append("{\"sequence\": ").append(sequence)
                    .append(", \"eventId\": \"e").append(sequence + 1).append("\"}");
        }
        return "{\"version\": " + sequences[sequences.length - 1] + ", \"entries\": [" + entries + "]}";
    }

    private static String event(String aggregateType, String aggregateId, long sequence, String eventId,
                                String payloadType, String payload) {
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return ("{\"aggregateType\": \"%s\", \"aggregateId\": \"%s\", \"sequence\": %d, \"eventId\": \"%s\","
                + " \"type\": \"%s\", \"payloadType\": \"%s\", \"payload\": %s}")
                .formatted(aggregateType, aggregateId, sequence, eventId, type, payloadType, payload.replace("\n", " "));
    }
}
