package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values outside their domain are refused with a 400 naming the field, before anything is stored: dates a read model
 * cannot hold, numbers whose arithmetic would overflow, numbers and dates in disguise, keys given twice, and text with
 * code points that hide or falsify what it says. Every one of these was accepted once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputDomainsIT {

    @TempDir
    static Path dataDir;
    private LedgerProcess ledger;
    private final ObjectMapper json = new ObjectMapper();

    record Case(String name, String path, String body, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start() {
        ledger = LedgerProcess.start(dataDir);
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-d")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-d", "sup-d")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts/ct-d/signature", SIGNATURE).status()).isEqualTo(202);
        assertThat(ledger.post("buyer", "/api/contracts/ct-d/disputes", """
                {"disputeId": "dp-d", "category": "QUANTITY", "claimAmount": {"amount": "1.00", "currency": "CNY"},
                 "description": "short"}""").status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    Stream<Case> cases() {
        String contract = contract("ct-new", "sup-d");
        List<Case> cases = new ArrayList<>(List.of(
                new Case("milestone due in year 999999999", "/api/contracts",
                        contract.replace("\"" + DELIVERY_DUE_ON + "\"", "\"+999999999-12-31\""), "deliveries[0].dueOn"),
                new Case("expiry in year 999999999", "/api/contracts",
                        contract.replace("\"" + EXPIRES_ON + "\"", "\"+999999999-12-31\""), "expiresOn"),
                new Case("expiry before 1900", "/api/contracts",
                        contract.replace("\"" + EXPIRES_ON + "\"", "\"1899-12-31\""), "expiresOn"),
                new Case("renewal to year 999999999", "/api/contracts/ct-d/renewals",
                        "{\"newExpiresOn\": \"+999999999-12-31\"}", "newExpiresOn"),
                new Case("communication in year 1000000000", "/api/suppliers/sup-d/communications",
                        communication("\"+1000000000-01-01T00:00:00Z\"", "\"met\""), "occurredAt"),
                new Case("communication in year -1000000000", "/api/suppliers/sup-d/communications",
                        communication("\"-1000000000-01-01T00:00:00Z\"", "\"met\""), "occurredAt"),
                new Case("rectification due in year 999999999", "/api/suppliers/sup-d/rectifications",
                        "{\"rectificationId\": \"r-d\", \"issue\": \"late\", \"dueOn\": \"+999999999-12-31\"}", "dueOn"),
                new Case("credit assessed in year 999999999", "/api/suppliers/sup-d/credit-assessments",
                        LOW_CREDIT.replace("\"" + ASSESSED_ON + "\"", "\"+999999999-12-31\""), "assessedOn"),
                new Case("unit price 1E+2147483647", "/api/contracts",
                        contract.replace("\"0.85\"", "\"1E+2147483647\""), "lineItems[0].unitPrice"),
                new Case("bare unit price 1E+2147483647", "/api/contracts",
                        contract.replace("\"0.85\"", "1E+2147483647"), "lineItems[0].unitPrice"),
                new Case("payment of 1E+2147483647", "/api/contracts/ct-d/payments",
                        "{\"paymentId\": \"pay-d\", \"amount\": {\"amount\": \"1E+2147483647\", \"currency\": \"CNY\"},"
                                + " \"paidOn\": \"2027-01-10\"}", "amount.amount"),
                new Case("a quantity as a string with an exponent", "/api/contracts/ct-d/deliveries",
                        delivery("\"1e3\"", "\"2026-12-18\""), "lines[0].delivered"),
                new Case("a quantity as a string with spaces", "/api/contracts/ct-d/deliveries",
                        delivery("\" 1\"", "\"2026-12-18\""), "lines[0].delivered"),
                new Case("a quantity as a boolean", "/api/contracts/ct-d/deliveries",
                        delivery("true", "\"2026-12-18\""), "lines[0].delivered"),
                new Case("a score as a string", "/api/suppliers/sup-d/credit-assessments",
                        LOW_CREDIT.replace("58", "\"58\""), "score"),
                new Case("a date as a number", "/api/contracts/ct-d/deliveries",
                        delivery("1", "20261218"), "deliveredOn"),
                new Case("an instant where a date belongs", "/api/contracts/ct-d/deliveries",
                        delivery("1", "\"2026-12-18T00:00:00Z\""), "deliveredOn"),
                new Case("a date where an instant belongs", "/api/suppliers/sup-d/communications",
                        communication("\"2026-11-20\"", "\"met\""), "occurredAt"),
                new Case("a number where text belongs", "/api/suppliers/sup-d/communications",
                        communication("\"2026-11-20T09:00:00Z\"", "42"), "summary")));
        for (String[] text : List.of(new String[]{"NUL", "\\u0000"}, new String[]{"a C1 control", "\\u0085"},
                new String[]{"a right-to-left override", "\\u202E"}, new String[]{"a zero-width space", "\\u200B"},
                new String[]{"a noncharacter", "\\uFFFF"}, new String[]{"a lone high surrogate", "\\uD800"},
                new String[]{"a lone low surrogate", "x\\uDC00y"}, new String[]{"a byte-order mark", "\\uFEFF"})) {
            cases.add(new Case("a note with " + text[0], "/api/contracts/ct-d/disputes/dp-d/notes",
                    "{\"text\": \"evidence " + text[1] + " attached\"}", "text"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_value_outside_its_domain_is_a_400_naming_the_field(Case value) throws Exception {
        long before = ledger.storedEventCount();
        LedgerProcess.Reply reply = ledger.post("buyer", value.path(), value.body());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(value.field());
        assertThat(problem.get("detail").asText()).doesNotContain("com.contractledger", "Exception");
        assertThat(ledger.storedEventCount()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysTwice")
    void a_key_given_twice_is_a_400(String body) throws Exception {
        long before = ledger.storedEventCount();
        LedgerProcess.Reply reply = ledger.post("buyer", "/api/suppliers/sup-d/tier", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(json.readTree(reply.body()).get("detail").asText()).contains("tier");
        assertThat(ledger.storedEventCount()).isEqualTo(before);
    }

    static Stream<String> keysTwice() {
        return Stream.of("{\"tier\": \"KEY\", \"reason\": \"x\", \"tier\": \"GENERAL\"}",
                "{\"tier\": \"KEY\", \"tier\": \"KEY\", \"reason\": \"x\"}");
    }

    private static String communication(String occurredAt, String summary) {
        return "{\"channel\": \"MEETING\", \"participants\": [\"Chen Jing\"], \"summary\": " + summary
                + ", \"occurredAt\": " + occurredAt + "}";
    }

    private static String delivery(String delivered, String deliveredOn) {
        return "{\"deliveryId\": \"dl-d\", \"milestoneId\": \"d1\", \"deliveredOn\": " + deliveredOn
                + ", \"lines\": [{\"sku\": \"M8-30\", \"delivered\": " + delivered
                + ", \"accepted\": 1, \"rejected\": 0}]}";
    }
}
