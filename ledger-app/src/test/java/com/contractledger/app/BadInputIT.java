package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets the right 4xx with a problem body naming what is wrong, and stores nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    private final ObjectMapper json = new ObjectMapper();
    private long eventsBefore;

    /** The application on the embedded default; a subclass may launch it otherwise. */
    LedgerProcess launch(String... arguments) {
        return LedgerProcess.start(dataDir, arguments);
    }

    @BeforeAll
    void start() {
        ledger = launch();
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-bad")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-bad", "sup-bad")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts/ct-bad/signature", SIGNATURE).status()).isEqualTo(202);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = ledger.storedEventCount();
    }

    @Test
    void malformed_json_is_a_400() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/suppliers", "{\"supplierId\": \"x\", "), 400);
        assertThat(problem.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void a_missing_field_is_named() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/deliveries", """
                {"deliveryId": "dl-x", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 10, "accepted": 10, "rejected": 0}]}""".formatted(DELIVERED_ON)), 400);
        assertThat(problem.get("errors").toString()).contains("milestoneId");
    }

    @Test
    void a_wrongly_typed_field_is_named() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/deliveries", """
                {"deliveryId": "dl-x", "milestoneId": "d1", "deliveredOn": "18/12/2026",
                 "lines": [{"sku": "M8-30", "delivered": "ten", "accepted": 10, "rejected": 0}]}"""), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isIn("deliveredOn", "lines[0].delivered");
    }

    @Test
    void an_unknown_enum_value_lists_the_allowed_ones() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/suppliers/sup-bad/tier",
                "{\"tier\": \"PLATINUM\", \"reason\": \"x\"}"), 400);
        assertThat(problem.get("detail").asText()).contains("tier").contains("KEY").contains("GENERAL");
    }

    @Test
    void an_unknown_field_is_refused() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/suppliers/sup-bad/tier",
                "{\"tier\": \"KEY\", \"reason\": \"x\", \"actor\": \"someone-else\"}"), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("actor");
    }

    @Test
    void a_negative_quantity_is_a_400() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/deliveries", """
                {"deliveryId": "dl-x", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": -5, "accepted": 0, "rejected": 0}]}""".formatted(DELIVERED_ON)), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("lines[0].delivered");
    }

    @Test
    void over_delivery_breaks_a_rule() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/deliveries", """
                {"deliveryId": "dl-x", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 10001, "accepted": 10001, "rejected": 0}]}""".formatted(DELIVERED_ON)), 409);
        assertThat(problem.get("detail").asText()).containsIgnoringCase("remain");
    }

    @Test
    void accepted_plus_rejected_must_equal_delivered() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-bad/deliveries", """
                {"deliveryId": "dl-x", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 100, "accepted": 90, "rejected": 5}]}""".formatted(DELIVERED_ON)), 409);
    }

    @Test
    void an_unknown_contract_is_a_404() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-nowhere/signature", SIGNATURE), 404);
    }

    @Test
    void an_unknown_dispute_is_a_404() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-bad/disputes/dp-nowhere/escalations",
                "{\"to\": \"MEDIATION\", \"reason\": \"x\"}"), 404);
    }

    @Test
    void an_invalid_id_in_the_path_is_a_400() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct%20bad%3Cscript%3E/signature", SIGNATURE), 400);
    }

    @Test
    void bad_history_paging_parameters_are_400s_naming_the_parameter() throws Exception {
        Map<String, String> named = Map.of("size=0", "size", "size=1001", "size", "size=-1", "size", "size=abc", "size",
                "size=2147483648", "size", "after=-1", "after", "after=abc", "after", "after=99999999999999999999",
                "after", "after=1.5", "after", "after=&size=0", "size");
        for (var parameters : named.entrySet()) {
            JsonNode problem = refused(ledger.get("auditor", "/api/contracts/ct-bad/history?" + parameters.getKey()),
                    400);
            assertThat(problem.get("detail").asText()).as(parameters.getKey()).contains(parameters.getValue());
        }
        assertThat(ledger.get("auditor", "/api/contracts/ct-bad/history?after=0&size=1000").status()).isEqualTo(200);
    }

    @Test
    void a_contract_with_an_unknown_supplier_breaks_a_rule() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts", contract("ct-orphan", "sup-nowhere")), 409);
        assertThat(problem.get("detail").asText()).contains("sup-nowhere");
    }

    @Test
    void an_existing_id_cannot_be_created_again() throws Exception {
        refused(ledger.post("buyer", "/api/suppliers", supplier("sup-bad")), 409);
    }

    @Test
    void readers_may_not_write() throws Exception {
        for (String role : new String[]{"auditor", "compliance", "dashboard", "admin"}) {
            JsonNode problem = refused(ledger.post(role, "/api/suppliers", supplier("sup-by-" + role)), 403);
            assertThat(problem.get("title").asText()).isEqualTo("Forbidden");
        }
    }

    @Test
    void no_credentials_is_a_401() throws Exception {
        LedgerProcess.Reply reply = ledger.post(null, "/api/suppliers", supplier("sup-anon"));
        refused(reply, 401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void a_stale_if_match_is_a_409_with_the_current_version() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/amendments", PRICE_AMENDMENT,
                Map.of("If-Match", "0")), 409);
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(SIGNED_VERSION);
    }

    @Test
    void an_if_match_ahead_of_the_contract_is_a_409() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-bad/amendments", PRICE_AMENDMENT, Map.of("If-Match", "7")), 409);
    }

    @Test
    void a_malformed_if_match_is_a_400() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/amendments", PRICE_AMENDMENT,
                Map.of("If-Match", "latest")), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void an_idempotency_key_reused_for_another_request_is_a_422() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "key-reuse-1");
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-key-1"), key).status()).isEqualTo(201);
        eventsBefore = ledger.storedEventCount();
        refused(ledger.post("buyer", "/api/suppliers", supplier("sup-key-2"), key), 422);
    }

    @Test
    void a_header_value_with_c1_bytes_is_a_400_problem() throws Exception {
        String credentials = "Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("buyer:demo".getBytes()) + "\r\n";
        String body = "{\"tier\": \"KEY\", \"reason\": \"x\"}";
        for (String header : new String[]{"X-Correlation-Id", "If-Match", "Idempotency-Key"}) {
            String answer = ledger.raw("POST /api/suppliers/sup-bad/tier HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n" + header
                    + ": abc\u0085def\r\nConnection: close\r\n\r\n" + body);
            assertThat(answer).as(header).startsWith("HTTP/1.1 400");
            assertThat(answer).as(header).containsIgnoringCase("Content-Type: application/problem+json");
        }
        String stream = ledger.raw("GET /api/stream/contracts HTTP/1.1\r\nHost: 127.0.0.1\r\n" + credentials
                + "Last-Event-ID: 1\u0085\r\nConnection: close\r\n\r\n");
        assertThat(stream).startsWith("HTTP/1.1 400");
        assertThat(ledger.storedEventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_body_of_the_wrong_shape_names_no_internal_type() throws Exception {
        for (String body : new String[]{"[]", "\"text\"", "42", "[{\"deliveryId\": \"dl-x\"}]"}) {
            JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-bad/deliveries", body), 400);
            assertThat(problem.get("detail").asText()).as(body).doesNotContain("com.contractledger", "$", "`")
                    .contains("JSON object");
        }
    }

    @Test
    void the_error_page_is_not_a_resource_of_its_own() {
        assertThat(ledger.get(null, "/error").status()).isEqualTo(401);
        assertThat(ledger.get("buyer", "/error").status()).isEqualTo(403);
    }

    private JsonNode refused(LedgerProcess.Reply reply, int status) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(ledger.storedEventCount()).as("no event stored").isEqualTo(eventsBefore);
        return problem;
    }
}
