package com.contractledger.app;

import com.contractledger.command.RuleCatalogue;
import com.contractledger.command.common.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of refused write answers its documented status with a problem that names the kind, and stores nothing.
 * {@link RejectionsOverAxonServerWireIT} asks the same with commands and results crossing Axon Server's boundary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectionsIT {

    @TempDir
    static Path dataDir;
    private RunningLedger ledger;
    private final ObjectMapper json = new ObjectMapper();
    private long eventsBefore;

    RunningLedger launch() throws Exception {
        return LedgerProcess.start(dataDir);
    }

    RunningLedger ledger() {
        return ledger;
    }

    @BeforeAll
    void start() throws Exception {
        ledger = launch();
        stored(ledger.post("buyer", "/api/suppliers", supplier("sup-r")));
        stored(ledger.post("buyer", "/api/suppliers", supplier("sup-low")));
        stored(ledger.post("buyer", "/api/suppliers/sup-low/credit-assessments", LOW_CREDIT));
        stored(ledger.post("buyer", "/api/suppliers", supplier("sup-suspended")));
        stored(ledger.post("buyer", "/api/suppliers/sup-suspended/suspension", "{\"reason\": \"failed audit\"}"));
        stored(ledger.post("buyer", "/api/contracts", contract("ct-r", "sup-r")));
        stored(ledger.post("buyer", "/api/contracts/ct-r/signature", SIGNATURE));
        stored(ledger.post("buyer", "/api/contracts/ct-r/disputes", dispute("dp-open")));
        stored(ledger.post("buyer", "/api/contracts/ct-r/disputes/dp-open/escalations",
                "{\"to\": \"ARBITRATION\", \"reason\": \"no agreement\"}"));
        stored(ledger.post("buyer", "/api/contracts/ct-r/disputes", dispute("dp-done")));
        stored(ledger.post("buyer", "/api/contracts/ct-r/disputes/dp-done/resolution", RESOLUTION));
        stored(ledger.post("buyer", "/api/contracts", contract("ct-unsigned", "sup-r")));
        stored(ledger.post("buyer", "/api/contracts", contract("ct-ended", "sup-r")));
        stored(ledger.post("buyer", "/api/contracts/ct-ended/signature", SIGNATURE));
        stored(ledger.post("buyer", "/api/contracts/ct-ended/termination", "{\"reason\": \"supplier exits\"}"));
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = ledger.storedEventCount();
    }

    @Test
    void a_low_rated_supplier_without_the_guarantee_breaks_a_rule() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts",
                contract("ct-low", "sup-low").replace("\"850.00\"", "\"100.00\"")), 409, "RULE_VIOLATED",
                "LOW_CREDIT_GUARANTEE");
        assertThat(problem.get("detail").asText()).contains("BB");
        assertThat(problem.at("/facts/creditRating").asText()).isEqualTo("BB");
        assertThat(problem.at("/facts/given").asText()).isEqualTo("100.00 CNY");
    }

    @Test
    void a_contract_with_an_unknown_supplier_is_refused() throws Exception {
        refused(ledger.post("buyer", "/api/contracts", contract("ct-nobody", "sup-nowhere")), 409, "RULE_VIOLATED",
                "SUPPLIER_NOT_ONBOARDED");
    }

    @Test
    void a_contract_with_a_suspended_supplier_breaks_a_rule() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts", contract("ct-susp", "sup-suspended")),
                409, "RULE_VIOLATED", "SUPPLIER_NOT_ACCEPTING");
        assertThat(problem.get("detail").asText()).contains("suspended");
    }

    @Test
    void a_delivery_before_signing_breaks_a_rule() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-unsigned/deliveries", LATE_PARTLY_REJECTED_DELIVERY),
                409, "RULE_VIOLATED", "CONTRACT_NOT_ACTIVE");
    }

    @Test
    void a_delivery_after_termination_breaks_a_rule() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-ended/deliveries", LATE_PARTLY_REJECTED_DELIVERY),
                409, "RULE_VIOLATED", "CONTRACT_CLOSED");
    }

    @Test
    void accepted_plus_rejected_must_equal_delivered() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-r/deliveries", """
                {"deliveryId": "dl-x", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 100, "accepted": 90, "rejected": 5}]}""".formatted(DELIVERED_ON)),
                409, "RULE_VIOLATED", "DELIVERY_UNBALANCED");
    }

    @Test
    void delivering_more_than_remains_breaks_a_rule() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-r/deliveries", """
                {"deliveryId": "dl-x", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 10001, "accepted": 10001, "rejected": 0}]}""".formatted(DELIVERED_ON)),
                409, "RULE_VIOLATED", "DELIVERY_EXCEEDS_REMAINING");
    }

    @Test
    void a_dispute_never_escalates_backwards() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-r/disputes/dp-open/escalations",
                "{\"to\": \"MEDIATION\", \"reason\": \"try again\"}"), 409, "RULE_VIOLATED",
                "DISPUTE_ESCALATES_FORWARD_ONLY");
    }

    @Test
    void a_dispute_is_resolved_once() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-r/disputes/dp-done/resolution", RESOLUTION),
                409, "RULE_VIOLATED", "DISPUTE_RESOLVED");
    }

    @Test
    void the_page_the_problem_types_link_to_answers_anyone_with_every_rule() {
        RunningLedger.Reply page = ledger.get(null, "/docs/rules");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualToIgnoringCase("text/markdown;charset=UTF-8");
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(page.body()).as(rule.name()).contains("<a id=\"" + rule.name() + "\"></a>");
        }
    }

    @Test
    void an_unknown_contract_is_not_found() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-nowhere/signature", SIGNATURE),
                404, "NOT_FOUND");
        assertThat(problem.get("detail").asText()).contains("ct-nowhere");
    }

    @Test
    void an_unknown_dispute_is_not_found() throws Exception {
        refused(ledger.post("buyer", "/api/contracts/ct-r/disputes/dp-nowhere/notes", "{\"text\": \"x\"}"),
                404, "NOT_FOUND");
    }

    @Test
    void a_stale_if_match_is_a_version_conflict_with_the_current_version() throws Exception {
        JsonNode problem = refused(ledger.post("buyer", "/api/contracts/ct-r/amendments", PRICE_AMENDMENT,
                Map.of("If-Match", "0")), 409, "VERSION_CONFLICT");
        assertThat(problem.get("currentVersion").asLong()).isGreaterThan(0);
    }

    @Test
    void an_id_already_taken_is_refused() throws Exception {
        refused(ledger.post("buyer", "/api/suppliers", supplier("sup-r")), 409, "ALREADY_EXISTS");
        refused(ledger.post("buyer", "/api/contracts", contract("ct-r", "sup-r")), 409, "ALREADY_EXISTS");
    }

    @Test
    void an_idempotency_key_reused_for_another_request_is_refused() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "rejections-key-1");
        eventsBefore = eventsBefore + stored(ledger.post("buyer", "/api/suppliers/sup-r/communications",
                communication("first"), key));
        refused(ledger.post("buyer", "/api/suppliers/sup-r/communications", communication("second"), key),
                422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void the_read_api_and_sign_in_answer_problems_with_a_type_too() throws Exception {
        assertThat(typeOf(ledger.get("buyer", "/api/contracts/nope"), 404)).isEqualTo("/docs/rules#not-found");
        assertThat(typeOf(ledger.get("buyer", "/api/reminders?kind=SOON"), 400))
                .isEqualTo("/docs/rules#malformed-request");
        assertThat(typeOf(ledger.get("buyer", "/api/milestones?size=0"), 400)).isEqualTo("/docs/rules#invalid-request");
        assertThat(typeOf(ledger.get("buyer", "wrong", "/api/contracts"), 401))
                .isEqualTo("/docs/rules#unauthenticated");
        assertThat(typeOf(ledger.get("dashboard", "/api/contracts/ct-r/history"), 403))
                .isEqualTo("/docs/rules#forbidden");
    }

    private String typeOf(RunningLedger.Reply reply, int status) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return json.readTree(reply.body()).get("type").asText();
    }

    private static String dispute(String disputeId) {
        return """
                {"disputeId": "%s", "category": "QUANTITY",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "short shipment"}"""
                .formatted(disputeId);
    }

    private static final String RESOLUTION = """
            {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
             "summary": "split the difference"}""";

    private static String communication(String summary) {
        return """
                {"channel": "MEETING", "participants": ["Chen Jing"], "summary": "%s",
                 "occurredAt": "2026-11-20T09:00:00Z"}""".formatted(summary);
    }

    private static int stored(RunningLedger.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(201, 202);
        return 1;
    }

    private JsonNode refused(RunningLedger.Reply reply, int status, String kind) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("kind").asText()).isEqualTo(kind);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(ledger.storedEventCount()).as("no event stored").isEqualTo(eventsBefore);
        if (!kind.equals("RULE_VIOLATED")) {
            assertThat(problem.get("type").asText())
                    .isEqualTo("/docs/rules#" + kind.toLowerCase(Locale.ROOT).replace('_', '-'));
            assertThat(problem.has("rule")).as("only a broken rule names one").isFalse();
        }
        return problem;
    }

    /** A broken rule's problem, on every topology: its code as rule and type, its statement, the facts. */
    private JsonNode refused(RunningLedger.Reply reply, int status, String kind, String rule) throws Exception {
        JsonNode problem = refused(reply, status, kind);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(problem.get("type").asText()).isEqualTo("/docs/rules#" + rule);
        assertThat(problem.get("title").asText()).isNotBlank().isNotEqualTo("Rule violated");
        assertThat(problem.get("facts").isObject()).as(reply.body()).isTrue();
        assertThat(problem.get("facts").size()).as(reply.body()).isPositive();
        return problem;
    }
}
