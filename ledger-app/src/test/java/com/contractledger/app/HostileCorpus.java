package com.contractledger.app;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import static com.contractledger.app.LedgerFixtures.*;

/**
 * Hostile requests generated from the valid request of every endpoint: each value of a body replaced by the hostile
 * values of its kind (dates and instants out of range or in disguise, numbers that overflow or pose as text, text with
 * code points that hide or falsify it, unknown enum values), wrong shapes, unknown and repeated keys, malformed JSON,
 * hostile ids in bodies and paths, header values with C1 bytes, and hostile query parameters for the reads. The
 * valid requests name the records {@link HostileInputIT} creates first.
 */
final class HostileCorpus {

    /** One request; {@code category} says what was made hostile, for a failure message. */
    record Request(String category, String method, String path, String body, String headerName, String headerValue) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
            String header = headerName == null ? "" : " [" + headerName + ": " + escape(headerValue) + "]";
            return category + ": " + method + " " + path + header + shown;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "@@hostile@@";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*Z");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Set<String> ENUMS = Set.of("scale", "tier", "rating", "financialHealth", "fulfilmentRecord",
            "reputation", "source", "grade", "channel", "type", "currency", "reason", "category", "responsibleParty",
            "to", "outcome");
    /** Decimals whose valid example happens to be whole: they may be given as strings. */
    private static final Set<String> DECIMAL_FIELDS = Set.of("averageResponseHours", "quantity");

    static final List<String> DATES = List.of("\"+999999999-12-31\"", "\"-1000000000-01-01\"", "\"0000-01-01\"",
            "\"1899-12-31\"", "\"2201-01-01\"", "\"+10000-01-01\"", "20261218", "\"2026-12-18T00:00:00Z\"",
            "\"2026-02-30\"", "\"18/12/2026\"", "\"\"", "[2026, 12, 18]");
    static final List<String> INSTANTS = List.of("\"+1000000000-01-01T00:00:00Z\"", "\"-1000000000-01-01T00:00:00Z\"",
            "\"0000-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"", "\"2026-11-20\"",
            "1763629200", "\"2026-11-20T09:00:00\"", "\"2026-11-20T25:00:00Z\"", "\"\"");
    static final List<String> WHOLE_NUMBERS = List.of("1E+2147483647", "1e309", "123456789012345678901234567890123",
            "9223372036854775808", "-1", "-1e3", "\"1\"", "\"1e3\"", "true", "\"\"", "[1]");
    static final List<String> DECIMALS = List.of("1E+2147483647", "\"1E+2147483647\"", "1e309", "\"1e309\"",
            "\"1234567890123456789012345678901234567890\"", "-1", "\"-1\"", "\"-0.01\"", "1e-40", "\"1e-40\"", "\"NaN\"",
            "\"Infinity\"", "\"0x10\"", "\" 1\"", "\"\"", "true", "[1]");
    static final List<String> TEXT_POISONS = List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u009f",
            "\\u202e", "\\u2066", "\\u200b", "\\u2060", "\\ufeff", "\\uffff", "\\ufffe", "\\ufdd0", "\\ud800",
            "x\\udc00", "\\udbff\\udfff");
    static final List<String> MALFORMED = List.of("", "{", "{\"a\":", "[]", "null", "123", "\"text\"", "true", "{}}",
            "{\"reason\": \"x\",}", "\uFEFF{}", "{'single': 'quotes'}", "{\"a\": NaN}", "{\"a\": Infinity}",
            "{\"a\": 01}", "{\"a\": \"\\x41\"}", "/* comment */ {}", "[".repeat(5000) + "]".repeat(5000));
    /** Hostile ids as they go into a body (JSON-escaped) and, URL-encoded, into a path. */
    static final List<String> HOSTILE_IDS = List.of("x'; DROP TABLE DomainEventEntry;--", "<script>alert(1)</script>",
            "../../etc/passwd", "..", ".", "a".repeat(65), "", " ", "ct h", "a/b", "a\\b", "a#b", "a:b", "供应商",
            "\u202Eevil", "\uD83D\uDE00", "${jndi:ldap://x/a}", "%00", "\u0000", "{\"$gt\": \"\"}", "ǅ", "İ");
    static final List<String> C1_HEADER_VALUES = List.of("abc\u0085def", "\u0080", "1\u009F", "\u00A0\u0085 ");

    private HostileCorpus() {
    }

    /** The valid request of every write endpoint, in an order in which all of them succeed one after the other. */
    static Map<String, String> validWrites() {
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("/api/suppliers", supplier("sup-new"));
        writes.put("/api/suppliers/sup-h/credit-assessments", LOW_CREDIT);
        writes.put("/api/suppliers/sup-h/classification",
                "{\"categories\": [\"fasteners\"], \"region\": \"North\", \"scale\": \"LARGE\", \"tags\": [\"x\"]}");
        writes.put("/api/suppliers/sup-h/tier", "{\"tier\": \"KEY\", \"reason\": \"sole source\"}");
        writes.put("/api/suppliers/sup-h/evaluations", """
                {"periodStart": "2026-07-01", "periodEnd": "2026-09-30", "onTimeDeliveryRate": 0.92,
                 "qualityPassRate": 0.97, "averageResponseHours": 6, "score": 88, "grade": "B", "remarks": "ok"}""");
        writes.put("/api/suppliers/sup-h/rectifications",
                "{\"rectificationId\": \"r-1\", \"issue\": \"late\", \"dueOn\": \"2026-12-31\"}");
        writes.put("/api/suppliers/sup-h/rectifications/r-h/completion",
                "{\"outcome\": \"COMPLETED\", \"remarks\": \"fixed\"}");
        writes.put("/api/suppliers/sup-h/communications", """
                {"communicationId": "cm-1", "channel": "MEETING", "participants": ["Chen Jing"], "summary": "s",
                 "occurredAt": "2026-11-20T09:00:00Z"}""");
        writes.put("/api/contracts", contract("ct-new", "sup-h"));
        writes.put("/api/contracts/ct-u/signature", SIGNATURE);
        writes.put("/api/contracts/ct-h/amendments", PRICE_AMENDMENT);
        writes.put("/api/contracts/ct-h/deliveries", """
                {"deliveryId": "dl-2", "milestoneId": "d1", "deliveredOn": "%s",
                 "lines": [{"sku": "M8-30", "delivered": 100, "accepted": 100, "rejected": 0}],
                 "inspectionNotes": "fine", "inspector": "Li Na"}""".formatted(day(-16)));
        writes.put("/api/contracts/ct-h/payments", """
                {"paymentId": "pay-1", "amount": {"amount": "100.00", "currency": "CNY"}, "paidOn": "%s",
                 "reference": "wire 1"}""".formatted(PAID_ON));
        writes.put("/api/contracts/ct-h/breaches", LATE_DELIVERY_BREACH.replace("LATE_DELIVERY", "QUALITY_NONCONFORMANCE"));
        writes.put("/api/contracts/ct-h/disputes", """
                {"disputeId": "dp-1", "category": "QUANTITY", "claimAmount": {"amount": "1.00", "currency": "CNY"},
                 "description": "count"}""");
        writes.put("/api/contracts/ct-h/disputes/dp-h/escalations", "{\"to\": \"MEDIATION\", \"reason\": \"stuck\"}");
        writes.put("/api/contracts/ct-h/disputes/dp-h/notes",
                "{\"text\": \"report\", \"evidenceRefs\": [\"doc://inspection/dl-1\"]}");
        writes.put("/api/contracts/ct-h/disputes/dp-h/resolution", """
                {"outcome": "SETTLED", "settlementAmount": {"amount": "1.00", "currency": "CNY"}, "summary": "split"}""");
        writes.put("/api/contracts/ct-h/renewals",
                "{\"newExpiresOn\": \"2199-12-31\", \"changes\": {\"lineItems\": [{\"sku\": \"M8-30\", \"quantity\": 15000}]}}");
        writes.put("/api/contracts/ct-h/termination",
                "{\"reason\": \"end\", \"effectiveOn\": \"" + TERMINATION_EFFECTIVE_ON + "\"}");
        writes.put("/api/suppliers/sup-h/suspension", "{\"reason\": \"audit\"}");
        writes.put("/api/suppliers/sup-h/reinstatement", "{\"reason\": \"audit passed\"}");
        writes.put("/api/suppliers/sup-h/termination", "{\"reason\": \"exit\"}");
        return writes;
    }

    /** Every hostile write: bodies, ids in bodies and paths. */
    static List<Request> writes() {
        List<Request> corpus = new ArrayList<>();
        validWrites().forEach((path, body) -> {
            MALFORMED.forEach(malformed -> corpus.add(post("malformed JSON", path, malformed)));
            JsonNode valid = read(body);
            int[] leafCount = {0};
            leaves(valid, "", (pointer, leaf) -> {
                String field = pointer.substring(pointer.lastIndexOf('/') + 1);
                List<String> values;
                String kind;
                if (leaf.isNumber()) {
                    kind = "number";
                    values = leaf.isIntegralNumber() && !DECIMAL_FIELDS.contains(field) ? WHOLE_NUMBERS : DECIMALS;
                } else if (!leaf.isTextual()) {
                    return;
                } else if (INSTANT.matcher(leaf.asText()).matches()) {
                    kind = "instant";
                    values = INSTANTS;
                } else if (DATE.matcher(leaf.asText()).matches()) {
                    kind = "date";
                    values = DATES;
                } else if (DECIMAL.matcher(leaf.asText()).matches()) {
                    kind = "decimal";
                    values = DECIMALS;
                } else if (ENUMS.contains(field) && leaf.asText().matches("[A-Z][A-Z_]*")) {
                    kind = "enum";
                    values = List.of("\"NOT_A_" + leaf.asText() + "\"", "\"" + leaf.asText().toLowerCase() + "\"", "0", "\"\"");
                } else {
                    kind = "text";
                    values = TEXT_POISONS.stream().map(poison -> "\"ok" + poison + "ok\"").toList();
                }
                // each leaf gets every other value of a long list, its neighbour the rest: every value is sent to
                // every endpoint that has two leaves of its kind, in half the requests
                int offset = leafCount[0]++ % 2;
                for (int i = 0; i < values.size(); i++) {
                    if (values.size() <= 8 || i % 2 == offset) {
                        String value = values.get(i);
                        corpus.add(post(kind + " " + pointer + " = " + value, path, replaced(valid, pointer, value)));
                    }
                }
            });
            corpus.addAll(shapes(path, valid));
        });
        corpus.add(post("2 MB of text", "/api/suppliers", withField(supplier("sup-big"), "legalName", "x".repeat(2_000_000))));
        corpus.addAll(hostileIds());
        return corpus;
    }

    /** Each top-level field of the wrong shape or given twice, and a field nobody knows at every level. */
    private static List<Request> shapes(String path, JsonNode valid) {
        List<Request> corpus = new ArrayList<>();
        String body = valid.toString();
        for (Iterator<String> names = valid.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (String shape : List.of("{\"$gt\": \"\"}", "[[{}]]")) {
                corpus.add(post("wrong shape /" + name + " = " + shape, path, replaced(valid, "/" + name, shape)));
            }
            String twice = "{\"" + name + "\": " + valid.get(name) + ", " + body.substring(1);
            corpus.add(post("key twice /" + name, path, twice));
        }
        List<String> objects = new ArrayList<>();
        objects.add("");
        containers(valid, "", objects);
        for (String pointer : objects) {
            ObjectNode copy = valid.deepCopy();
            ((ObjectNode) copy.at(pointer.isEmpty() ? JsonPointer.empty() : JsonPointer.compile(pointer)))
                    .put("unexpected", 1);
            corpus.add(post("unknown field in " + (pointer.isEmpty() ? "/" : pointer), path, copy.toString()));
        }
        return corpus;
    }

    /** Hostile ids as the ids of new records in bodies, and URL-encoded in the path of every write. */
    private static List<Request> hostileIds() {
        Map<String, String> writes = validWrites();
        Map<String, String> idFields = new LinkedHashMap<>();
        idFields.put("/api/suppliers", "supplierId");
        idFields.put("/api/contracts", "contractId");
        idFields.put("/api/contracts/ct-h/deliveries", "deliveryId");
        idFields.put("/api/contracts/ct-h/payments", "paymentId");
        idFields.put("/api/contracts/ct-h/breaches", "breachId");
        idFields.put("/api/contracts/ct-h/disputes", "disputeId");
        idFields.put("/api/suppliers/sup-h/rectifications", "rectificationId");
        idFields.put("/api/suppliers/sup-h/communications", "communicationId");
        List<Request> corpus = new ArrayList<>();
        for (String id : HOSTILE_IDS) {
            idFields.forEach((path, field) -> corpus.add(post("hostile id in " + field, path,
                    withField(writes.get(path), field, id))));
            corpus.add(post("hostile supplierId of a contract", "/api/contracts",
                    withField(contract("ct-z", "sup-h"), "supplierId", id)));
            writes.forEach((path, body) -> {
                for (String known : List.of("sup-h", "ct-h", "ct-u", "dp-h", "r-h")) {
                    if (path.contains("/" + known + "/") || path.endsWith("/" + known)) {
                        corpus.add(post("hostile id in the path for " + known, path.replace(known, encoded(id)), body));
                    }
                }
            });
        }
        return corpus;
    }

    /** Header values with bytes 0x80–0x9F on every write, and in Last-Event-ID on every stream. */
    static List<Request> headers() {
        List<Request> corpus = new ArrayList<>();
        for (String value : C1_HEADER_VALUES) {
            validWrites().forEach((path, body) -> {
                for (String header : List.of("If-Match", "Idempotency-Key", "X-Correlation-Id")) {
                    corpus.add(new Request("C1 bytes in " + header, "POST", path, body, header, value));
                }
            });
            for (String stream : List.of("/api/stream/contracts", "/api/stream/contracts/ct-h", "/api/stream/disputes",
                    "/api/stream/milestones")) {
                corpus.add(new Request("C1 bytes in Last-Event-ID", "GET", stream, null, "Last-Event-ID", value));
            }
        }
        return corpus;
    }

    /** Hostile query parameters and ids for every read; the export's out-of-range instants are their own list. */
    static List<Request> reads() {
        List<Request> corpus = new ArrayList<>();
        List<String> numbers = List.of("2147483647", "2147483648", "-1", "-2147483648", "99999999999999999999", "abc",
                "1e3", "1.5", "", "%20", "0x10", "%00", "%E2%80%AE1");
        for (String list : List.of("/api/contracts", "/api/suppliers", "/api/disputes", "/api/milestones")) {
            for (String number : numbers) {
                corpus.add(get("page", list + "?page=" + number));
                corpus.add(get("size", list + "?size=" + number));
                corpus.add(get("page and size", list + "?page=" + number + "&size=200"));
            }
            corpus.add(get("page and size overflow", list + "?page=2147483647&size=200"));
            for (String status : List.of("NOT_A_STATUS", "active", "%00", "%E2%80%AE", "ACTIVE%2C1", "")) {
                corpus.add(get("status", list + "?status=" + status));
            }
        }
        for (String param : List.of("tier", "category", "region")) {
            for (String value : List.of("NOT_A_TIER", "%00", "%24gt", "%7B%22%24gt%22%3A%22%22%7D", "a".repeat(5000))) {
                corpus.add(get(param, "/api/suppliers?" + param + "=" + value));
            }
        }
        corpus.add(get("supplierId filter", "/api/contracts?supplierId=%7B%22%24ne%22%3Anull%7D"));
        for (String date : List.of("%2B999999999-12-31", "-1000000000-01-01", "0000-01-01", "20261218",
                "2026-12-18T00:00:00Z", "2026-02-30", "")) {
            corpus.add(get("dueBefore", "/api/milestones?dueBefore=" + date));
        }
        for (String groupBy : List.of("SUPPLIER", "nothing", "", "%00", "supplier%00", "a".repeat(3000))) {
            corpus.add(get("groupBy", "/api/analytics/spend?groupBy=" + groupBy));
        }
        for (String format : List.of("xml", "", "CSV%00", "%E2%80%AE")) {
            corpus.add(get("export format", "/api/audit/export?format=" + format));
        }
        for (String id : List.of("ct-h", "sup-h")) {
            corpus.add(get("export id", "/api/audit/export?contractId=" + id + "&supplierId=" + id));
        }
        for (String point : List.of("asOf=%2B1000000000-01-01T00:00:00Z", "asOf=-1000000000-01-01T00:00:00Z",
                "asOf=2026-11-20", "asOf=abc", "version=-1", "version=99999999999999999999", "version=1e3",
                "version=abc", "asOf=2026-11-20T00:00:00Z&version=1")) {
            corpus.add(get("point in time", "/api/contracts/ct-h/state?" + point));
            corpus.add(get("point in time", "/api/suppliers/sup-h/state?" + point));
        }
        for (String minVersion : List.of("-1", "abc", "99999999999999999999", "1e3", "9223372036854775807")) {
            corpus.add(get("minVersion", "/api/contracts/ct-h?minVersion=" + minVersion));
            corpus.add(get("minVersion", "/api/contracts/ct-h/history?minVersion=" + minVersion));
        }
        for (String value : List.of("-1", "abc", "99999999999999999999", "1e3", "9223372036854775807", "0", "",
                "%00", "2147483648")) {
            corpus.add(get("history after", "/api/contracts/ct-h/history?after=" + value));
            corpus.add(get("history size", "/api/contracts/ct-h/history?size=" + value));
            corpus.add(get("history after and size", "/api/contracts/ct-h/history?after=" + value + "&size=" + value));
        }
        List<String> byId = List.of("/api/contracts/%s", "/api/contracts/%s/history", "/api/contracts/%s/disputes",
                "/api/contracts/%s/events", "/api/contracts/%s/state", "/api/audit/contracts/%s/verify",
                "/api/suppliers/%s", "/api/suppliers/%s/scorecard", "/api/suppliers/%s/events",
                "/api/suppliers/%s/state", "/api/audit/suppliers/%s/verify", "/api/audit/export?contractId=%s",
                "/api/audit/export?supplierId=%s", "/api/admin/projections/%s",
                "/api/admin/projections/%s/dead-letters");
        for (String id : HOSTILE_IDS) {
            for (String template : byId) {
                corpus.add(get("hostile id", template.formatted(encoded(id))));
            }
        }
        for (String size : List.of("0", "201", "-1", "2147483647", "abc")) {
            corpus.add(get("dead letters size", "/api/admin/projections/milestones/dead-letters?size=" + size));
        }
        return corpus;
    }

    /** Instants out of years 1900–2200 as the export's from and to: each a 400. */
    static List<Request> exportOutOfRange() {
        List<Request> corpus = new ArrayList<>();
        for (String instant : List.of("%2B10000-01-01T00:00:00Z", "%2B1000000000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
                "2201-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59.999999999-18:00")) {
            corpus.add(get("export from", "/api/audit/export?from=" + instant));
            corpus.add(get("export to", "/api/audit/export?to=" + instant));
            corpus.add(get("export from, csv", "/api/audit/export?format=csv&from=" + instant));
        }
        return corpus;
    }

    /** Every value that is not an object or array, with its JSON pointer. */
    private static void leaves(JsonNode node, String pointer, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(f.getValue(), pointer + "/" + f.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, visit);
            }
        } else {
            visit.accept(pointer, node);
        }
    }

    /** The pointers of every object below {@code node}. */
    private static void containers(JsonNode node, String pointer, List<String> objects) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isObject()) {
                    objects.add(pointer + "/" + f.getKey());
                }
                containers(f.getValue(), pointer + "/" + f.getKey(), objects);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isObject()) {
                    objects.add(pointer + "/" + i);
                }
                containers(node.get(i), pointer + "/" + i, objects);
            }
        }
    }

    /** {@code valid} with the value at {@code pointer} replaced by the raw JSON text {@code value}. */
    private static String replaced(JsonNode valid, String pointer, String value) {
        JsonNode copy = valid.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), MARK);
        } else {
            ((ObjectNode) parent).put(at.last().getMatchingProperty(), MARK);
        }
        return copy.toString().replace("\"" + MARK + "\"", value);
    }

    private static String withField(String body, String field, String value) {
        ObjectNode node = (ObjectNode) read(body);
        node.put(field, value);
        return node.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Request post(String category, String path, String body) {
        return new Request(category, "POST", path, body, null, null);
    }

    private static Request get(String category, String path) {
        return new Request(category, "GET", path, null, null, null);
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        value.chars().forEach(c -> escaped.append(c < 0x20 || (c >= 0x7F && c <= 0xA0) ? "\\x%02X".formatted(c)
                : String.valueOf((char) c)));
        return escaped.toString();
    }
}
