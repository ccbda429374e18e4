package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit export: every event with its chain, read in pages, filtered, as NDJSON and as CSV. */
class AuditExportIT extends AuditFixture {

    @Test
    void the_export_streams_every_event_with_its_chain_in_pages() throws Exception {
        int pageSize = 20;
        try (LedgerProcess ledger = launch("--ledger.audit.export-page-size=" + pageSize)) {
            for (String supplierId : List.of("sup-x", "sup-y")) {
                assertThat(ledger.post("buyer", "/api/suppliers", supplier(supplierId)).status()).isEqualTo(201);
            }
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-x", "sup-x")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-y", "sup-y")).status()).isEqualTo(201);
            for (String[] write : HISTORY.subList(0, 3)) {
                assertThat(ledger.post("buyer", "/api/contracts/ct-x" + write[0], write[1]).status()).isBetween(201, 202);
            }
            logCommunications(ledger, 400);
            long stored = ledger.storedEventCount();
            assertThat(stored).isEqualTo(2 + 2 + 3 + 1 + 400); // the signature stores two

            double pagesBefore = metric(ledger, "ledger_audit_export_pages_total");
            LedgerProcess.Reply ndjson = ledger.get("auditor", "/api/audit/export?format=ndjson");
            assertThat(ndjson.status()).isEqualTo(200);
            assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
            List<JsonNode> all = ndjson.body().lines().map(AuditExportIT::parse).toList();
            assertThat(all).hasSize((int) stored);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).get("globalPosition").asLong()).isGreaterThan(all.get(i - 1).get("globalPosition").asLong());
            }
            // Read in pages of at most pageSize events: one page more than full pages (the last is partial or empty).
            assertThat(metric(ledger, "ledger_audit_export_pages_total") - pagesBefore).isEqualTo(stored / pageSize + 1);
            assertThat(metric(ledger, "ledger_audit_export_page_rows_max")).isLessThanOrEqualTo(pageSize);

            // Hashes match the events endpoint.
            JsonNode ctx = JSON.readTree(ledger.get("auditor", "/api/contracts/ct-x/events").body());
            List<JsonNode> exportedCtx = all.stream().filter(e -> e.get("aggregateId").asText().equals("ct-x")).toList();
            assertThat(exportedCtx).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(exportedCtx.get(i).at("/metaData/hash")).isEqualTo(ctx.get(i).at("/metaData/hash"));
                assertThat(exportedCtx.get(i).get("payload")).isEqualTo(ctx.get(i).get("payload"));
            }

            // Filters: a contract; a supplier with its contracts; a time range.
            List<JsonNode> ofContract = ledger.get("compliance", "/api/audit/export?contractId=ct-y").body().lines()
                    .map(AuditExportIT::parse).toList();
            assertThat(ofContract).extracting(e -> e.get("aggregateId").asText()).containsExactly("ct-y");
            List<JsonNode> ofSupplier = ledger.get("compliance", "/api/audit/export?supplierId=sup-x").body().lines()
                    .map(AuditExportIT::parse).toList();
            assertThat(ofSupplier).extracting(e -> e.get("aggregateId").asText()).containsOnly("sup-x", "ct-x");
            assertThat(ofSupplier).hasSize(all.stream().filter(e -> Set.of("sup-x", "ct-x")
                    .contains(e.get("aggregateId").asText())).toList().size());
            JsonNode fifth = all.get(4);
            JsonNode tenth = all.get(9);
            List<JsonNode> range = ledger.get("auditor", "/api/audit/export?from=" + fifth.get("timestamp").asText()
                    + "&to=" + tenth.get("timestamp").asText()).body().lines().map(AuditExportIT::parse).toList();
            assertThat(range).allSatisfy(e -> {
                assertThat(e.get("timestamp").asText()).isGreaterThanOrEqualTo(fifth.get("timestamp").asText());
                assertThat(e.get("timestamp").asText()).isLessThan(tenth.get("timestamp").asText());
            });
            assertThat(range).extracting(e -> e.get("eventId").asText()).contains(fifth.get("eventId").asText())
                    .doesNotContain(tenth.get("eventId").asText());

            // CSV parses back to the same events, hashes and payloads.
            LedgerProcess.Reply csv = ledger.get("auditor", "/api/audit/export?format=csv&supplierId=sup-x");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<List<String>> rows = parseCsv(csv.body());
            List<String> header = rows.get(0);
            assertThat(header).startsWith("globalPosition", "aggregateType", "aggregateId", "sequence", "eventId", "type");
            assertThat(rows).hasSize(ofSupplier.size() + 1);
            for (int i = 0; i < ofSupplier.size(); i++) {
                List<String> row = rows.get(i + 1);
                JsonNode expected = ofSupplier.get(i);
                assertThat(row.get(header.indexOf("eventId"))).isEqualTo(expected.get("eventId").asText());
                assertThat(row.get(header.indexOf("hash"))).isEqualTo(expected.at("/metaData/hash").asText());
                assertThat(row.get(header.indexOf("previousHash"))).isEqualTo(expected.at("/metaData/previousHash").asText());
                assertThat(row.get(header.indexOf("actor"))).isEqualTo("buyer");
                assertThat(JSON.readTree(row.get(header.indexOf("payload")))).isEqualTo(expected.get("payload"));
                assertThat(JSON.readTree(row.get(header.indexOf("metaData")))).isEqualTo(expected.get("metaData"));
            }

            assertThat(ledger.get("auditor", "/api/audit/export?format=xml").status()).isEqualTo(400);
            assertThat(ledger.get("auditor", "/api/audit/export?from=monday").status()).isEqualTo(400);
        }
    }

    private static void logCommunications(LedgerProcess ledger, int count) throws Exception {
        int suppliers = 8;
        for (int s = 0; s < suppliers; s++) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-c" + s)).status()).isEqualTo(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(suppliers);
        try {
            List<Future<Integer>> writes = new ArrayList<>();
            int each = (count - suppliers) / suppliers;
            for (int s = 0; s < suppliers; s++) {
                String path = "/api/suppliers/sup-c" + s + "/communications";
                int n = each + (s < (count - suppliers) % suppliers ? 1 : 0);
                writes.add(pool.submit(() -> {
                    int created = 0;
                    for (int i = 0; i < n; i++) {
                        if (ledger.post("buyer", path, """
                                {"channel": "EMAIL", "participants": ["Chen Jing"], "summary": "call-off, \\"week\\" %d\\nok",
                                 "occurredAt": "2026-01-01T09:00:00Z"}""".formatted(i)).status() == 201) {
                            created++;
                        }
                    }
                    return created;
                }));
            }
            int created = 0;
            for (Future<Integer> write : writes) {
                created += write.get();
            }
            assertThat(created + suppliers).isEqualTo(count);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double metric(LedgerProcess ledger, String name) {
        LedgerProcess.Reply prometheus = ledger.get("admin", "/actuator/prometheus");
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(prometheus.body());
        return line.find() ? Double.parseDouble(line.group(2)) : 0;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length()).as("the last record ends in CRLF").isZero();
        return rows;
    }
}
