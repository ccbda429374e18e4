package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of malformed and hostile writes — broken JSON, wrong shapes, injection strings in ids, Unicode edge cases,
 * negative and enormous numbers, unknown enum values, oversized bodies — generated from the valid request of every
 * write endpoint. Each gets a 4xx problem, none stores anything, and the process stays healthy.
 */
class HostileInputIT {

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir);
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-h")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-h", "sup-h")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts/ct-h/signature", SIGNATURE).status()).isEqualTo(202);
        assertThat(ledger.post("buyer", "/api/contracts/ct-h/deliveries", LATE_PARTLY_REJECTED_DELIVERY).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    /** The valid request of every write endpoint (paths name existing records). */
    private static Map<String, String> validRequests() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("/api/suppliers", supplier("sup-new"));
        requests.put("/api/suppliers/sup-h/credit-assessments", LOW_CREDIT);
        requests.put("/api/suppliers/sup-h/classification",
                "{\"categories\": [\"fasteners\"], \"region\": \"North\", \"scale\": \"LARGE\", \"tags\": [\"x\"]}");
        requests.put("/api/suppliers/sup-h/tier", "{\"tier\": \"KEY\", \"reason\": \"sole source\"}");
        requests.put("/api/suppliers/sup-h/evaluations", """
                {"periodStart": "2026-07-01", "periodEnd": "2026-09-30", "onTimeDeliveryRate": 0.92,
                 "qualityPassRate": 0.97, "averageResponseHours": 6, "score": 88, "grade": "B", "remarks": "ok"}""");
        requests.put("/api/suppliers/sup-h/rectifications",
                "{\"rectificationId\": \"r-1\", \"issue\": \"late\", \"dueOn\": \"2026-12-31\"}");
        requests.put("/api/suppliers/sup-h/suspension", "{\"reason\": \"audit\"}");
        requests.put("/api/suppliers/sup-h/communications", """
                {"channel": "MEETING", "participants": ["Chen Jing"], "summary": "s", "occurredAt": "2026-11-20T09:00:00Z"}""");
        requests.put("/api/contracts", contract("ct-new", "sup-h"));
        requests.put("/api/contracts/ct-h/amendments", PRICE_AMENDMENT);
        requests.put("/api/contracts/ct-h/deliveries", """
                {"deliveryId": "dl-2", "milestoneId": "d1", "deliveredOn": "2026-12-19",
                 "lines": [{"sku": "M8-30", "delivered": 100, "accepted": 100, "rejected": 0}]}""");
        requests.put("/api/contracts/ct-h/payments", """
                {"paymentId": "pay-1", "amount": {"amount": "100.00", "currency": "CNY"}, "paidOn": "2027-01-10"}""");
        requests.put("/api/contracts/ct-h/breaches", LATE_DELIVERY_BREACH);
        requests.put("/api/contracts/ct-h/disputes", """
                {"disputeId": "dp-1", "category": "QUANTITY", "claimAmount": {"amount": "1.00", "currency": "CNY"},
                 "description": "count"}""");
        requests.put("/api/contracts/ct-h/renewals", "{\"newExpiresOn\": \"2028-11-30\"}");
        requests.put("/api/contracts/ct-h/termination", "{\"reason\": \"end\"}");
        return requests;
    }

    private static final List<String> MALFORMED = List.of("", "{", "{\"a\":", "[]", "null", "123", "\"text\"", "{}}",
            "{\"reason\": \"x\",}", "\uFEFF{", "{'single': 'quotes'}", "{\"a\": NaN}", "{\"a\": Infinity}",
            "[".repeat(5000) + "]".repeat(5000));

    private static final List<String> HOSTILE_IDS = List.of("x'; DROP TABLE DomainEventEntry;--", "<script>alert(1)</script>",
            "../../etc/passwd", "a".repeat(65), "", " ", "ct h", "供应商", "\u202Eevil", "\uD83D\uDE00", "${jndi:ldap://x/a}",
            "%00", "..", ".", "a/b");

    private static final List<Object> ENORMOUS_OR_NEGATIVE = List.of(-1, -0.5, "1e309", "123456789012345678901234567890",
            "1e-40", "0.0000001", "-1e3", "1e999999999");

    @Test
    void every_hostile_request_gets_a_problem_and_stores_nothing() throws Exception {
        long eventsBefore = ledger.storedEventCount();
        List<String[]> corpus = new ArrayList<>();
        validRequests().forEach((path, body) -> {
            MALFORMED.forEach(malformed -> corpus.add(new String[]{path, malformed}));
            corpus.addAll(fieldMutations(path, body));
        });
        for (String hostile : HOSTILE_IDS) {
            corpus.add(new String[]{"/api/suppliers", withField(supplier("x"), "supplierId", hostile)});
            corpus.add(new String[]{"/api/contracts", withField(contract("x", "sup-h"), "contractId", hostile)});
            corpus.add(new String[]{"/api/contracts", withField(contract("ct-z", "sup-h"), "supplierId", hostile)});
            corpus.add(new String[]{"/api/contracts/ct-h/deliveries",
                    withField(validRequests().get("/api/contracts/ct-h/deliveries"), "deliveryId", hostile)});
            corpus.add(new String[]{"/api/contracts/ct-h/payments",
                    withField(validRequests().get("/api/contracts/ct-h/payments"), "paymentId", hostile)});
            corpus.add(new String[]{"/api/contracts/ct-h/disputes",
                    withField(validRequests().get("/api/contracts/ct-h/disputes"), "disputeId", hostile)});
            corpus.add(new String[]{"/api/suppliers/sup-h/rectifications",
                    withField(validRequests().get("/api/suppliers/sup-h/rectifications"), "rectificationId", hostile)});
        }
        corpus.add(new String[]{"/api/suppliers", withField(supplier("sup-big"), "legalName", "x".repeat(2_000_000))});
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);

        List<String> failures = new ArrayList<>();
        for (String[] request : corpus) {
            LedgerProcess.Reply reply = ledger.post("buyer", request[0], request[1]);
            String contentType = reply.header("Content-Type");
            boolean clientError = reply.status() >= 400 && reply.status() < 500;
            boolean problem = contentType != null && contentType.startsWith("application/problem+json");
            if (!clientError || !problem) {
                failures.add(reply.status() + " " + contentType + " " + request[0] + " "
                        + request[1].substring(0, Math.min(160, request[1].length())) + " -> "
                        + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        }
        assertThat(failures).as("requests not answered with a 4xx problem").isEmpty();
        assertThat(ledger.storedEventCount()).as("nothing stored").isEqualTo(eventsBefore);
        assertThat(ledger.get(null, "/actuator/health").body()).contains("UP");
    }

    @Test
    void hostile_ids_in_the_path_get_a_problem() {
        for (String path : List.of("/api/contracts/ct'--/signature", "/api/contracts/%3Cscript%3E/signature",
                "/api/contracts/" + "a".repeat(65) + "/signature", "/api/contracts/%E2%80%AE/signature",
                "/api/suppliers/%F0%9F%98%80/tier")) {
            LedgerProcess.Reply reply = ledger.post("buyer", path, "{\"tier\": \"KEY\", \"reason\": \"x\"}");
            assertThat(reply.status()).as(path).isBetween(400, 404);
            assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void a_body_that_is_not_json_is_a_415() {
        LedgerProcess.Reply reply = ledger.post("buyer", "/api/suppliers", supplier("sup-t"),
                Map.of("Content-Type", "text/plain"));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Each top-level field set to a wrong shape, unknown enum values, hostile numbers in numeric leaves. */
    private static List<String[]> fieldMutations(String path, String body) {
        List<String[]> mutations = new ArrayList<>();
        try {
            ObjectNode valid = (ObjectNode) JSON.readTree(body);
            for (Iterator<String> names = valid.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                ObjectNode wrongShape = valid.deepCopy();
                wrongShape.putObject(name).put("$gt", "");
                mutations.add(new String[]{path, wrongShape.toString()});
                ObjectNode nestedArrays = valid.deepCopy();
                nestedArrays.putArray(name).addArray().addObject();
                mutations.add(new String[]{path, nestedArrays.toString()});
                JsonNode value = valid.get(name);
                if (value.isTextual() && value.asText().matches("[A-Z_]{2,}")) {
                    ObjectNode unknownEnum = valid.deepCopy();
                    unknownEnum.put(name, "NOT_A_" + value.asText());
                    mutations.add(new String[]{path, unknownEnum.toString()});
                }
            }
            for (String leaf : Set.of("quantity", "delivered", "unitPrice", "amount", "score", "netDays")) {
                for (Object number : ENORMOUS_OR_NEGATIVE) {
                    String mutated = replaceNumericLeaf(body, leaf, number);
                    if (!mutated.equals(body)) {
                        mutations.add(new String[]{path, mutated});
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mutations;
    }

    private static String replaceNumericLeaf(String body, String leaf, Object number) {
        String replacement = number instanceof String text ? text : number.toString();
        return body.replaceFirst("\"" + leaf + "\":\\s*\"?[0-9.]+\"?", "\"" + leaf + "\": " + replacement);
    }

    private static String withField(String body, String field, String value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(body);
            node.put(field, value);
            return node.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
