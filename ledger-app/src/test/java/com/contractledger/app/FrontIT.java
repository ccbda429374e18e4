package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front — docker/front/ledger-front.conf in Debian's nginx — before the two services as child processes
 * ({@link FrontedServices}): the walkthrough (docs/walkthrough.md) through one origin, the headers that must pass
 * it, a stream, roles, administration, health per service, the body limit, and reads served while the command side
 * is down. One set of processes serves the class; each test works on ids of its own.
 */
@ExtendWith(NginxFront.Required.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontIT {

    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path dir;
    private FrontedServices ledger;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        ledger = FrontedServices.start(dir);
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void a_contract_lives_from_onboarding_to_termination_through_one_origin() throws Exception {
        String ct = "/api/contracts/ct-2026-001";
        try (SseClient dashboard = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts", "dashboard", null)) {
            assertThat(dashboard.status).isEqualTo(200);
            assertThat(dashboard.headers.firstValue("X-Accel-Buffering")).hasValue("no");

            RunningLedger.Reply onboarded = write("/api/suppliers", supplier("sup-001"), 201, 0,
                    Map.of("X-Correlation-Id", "walk-4711"));
            assertThat(onboarded.header("X-Correlation-Id")).isEqualTo("walk-4711");
            write("/api/suppliers/sup-001/credit-assessments", LOW_CREDIT, 201, 1);
            write("/api/suppliers/sup-001/tier", "{\"tier\": \"KEY\", \"reason\": \"sole source of M8 fasteners\"}",
                    202, 2);
            write("/api/contracts", contract("ct-2026-001", "sup-001"), 201, 0);
            SseClient.Event drafted = dashboard.next(Duration.ofSeconds(10));
            assertThat(drafted).as("the drafted contract on the stream through the front").isNotNull();
            assertThat(drafted.data()).contains("\"id\":\"ct-2026-001\"", "\"status\":\"DRAFT\"");
            write(ct + "/signature", SIGNATURE, 202, SIGNED_VERSION); // with d1 overdue, backfilled
            SseClient.Event signed = dashboard.next(Duration.ofSeconds(10));
            assertThat(signed).isNotNull();
            assertThat(signed.data()).contains("\"status\":\"ACTIVE\"");

            try (SseClient resumed = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts", "dashboard",
                    Long.parseLong(drafted.id()))) {
                SseClient.Event replayed = resumed.next(Duration.ofSeconds(10));
                assertThat(replayed).as("the change after Last-Event-ID, from the change log").isNotNull();
                assertThat(replayed.id()).isEqualTo(signed.id());
            }
        }

        RunningLedger.Reply stale = ledger.post("buyer", ct + "/amendments", PRICE_AMENDMENT, Map.of("If-Match", "0"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("currentVersion").asLong()).isEqualTo(2);
        write(ct + "/amendments", PRICE_AMENDMENT, 201, 3, Map.of("If-Match", "2"));
        write(ct + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY, 201, 4);
        write(ct + "/breaches", LATE_DELIVERY_BREACH, 201, 5);
        write(ct + "/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""", 201, 6);
        write(ct + "/disputes/dp-1/escalations", "{\"to\": \"MEDIATION\", \"reason\": \"no agreement\"}", 201, 7);
        String note = "{\"text\": \"inspection report\", \"evidenceRefs\": [\"doc://inspection/dl-1\"]}";
        Map<String, String> once = Map.of("Idempotency-Key", "note-dp-1");
        assertThat(write(ct + "/disputes/dp-1/notes", note, 201, 8, once).header("Idempotent-Replayed")).isNull();
        assertThat(write(ct + "/disputes/dp-1/notes", note, 201, 8, once).header("Idempotent-Replayed"))
                .isEqualTo("true");
        write(ct + "/disputes/dp-1/resolution", """
                {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                 "summary": "split the difference"}""", 202, 9);
        write(ct + "/renewals", RENEWAL, 201, 10);
        write(ct + "/termination", TERMINATION, 202, 11);

        RunningLedger.Reply caughtUp = ledger.get("dashboard", ct + "?minVersion=11");
        assertThat(caughtUp.header("X-Read-Model-Caught-Up")).isEqualTo("true");
        JsonNode summary = read(caughtUp);
        assertThat(summary.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(summary.at("/ordered/amount").asText()).isEqualTo("13500.00");
        assertThat(summary.at("/totalPenalties/amount").asText()).isEqualTo("81.00");
        assertThat(summary.get("openDisputes").asInt()).isZero();

        List<DomainEventMessage<?>> stored = ledger.events("ct-2026-001");
        assertThat(stored).hasSize(12);
        List<String> history = new ArrayList<>();
        read(ledger.get("auditor", ct + "/history?minVersion=11")).get("entries")
                .forEach(entry -> history.add(entry.get("eventId").asText()));
        assertThat(history).containsExactlyElementsOf(stored.stream().map(DomainEventMessage::getIdentifier).toList());
        assertThat(ledger.events("sup-001").get(0).getMetaData().get("correlationId")).isEqualTo("walk-4711");

        eventually(Duration.ofSeconds(30), () -> {
            JsonNode dispute = read(ledger.get("compliance", ct + "/disputes")).get(0);
            assertThat(dispute.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(dispute.get("entries")).extracting(e -> e.get("kind").asText())
                    .containsExactly("OPENED", "ESCALATED", "NOTE", "RESOLVED");
        });
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode scorecard = read(ledger.get("dashboard", "/api/suppliers/sup-001/scorecard"));
            assertThat(scorecard.get("creditRating").asText()).isEqualTo("BB");
            assertThat(scorecard.get("tier").asText()).isEqualTo("KEY");
            assertThat(scorecard.get("disputesTotal").asInt()).isEqualTo(1);
        });
        eventually(Duration.ofSeconds(30), () -> assertThat(
                read(ledger.get("dashboard", "/api/milestones?status=CLOSED&size=200")).get("items"))
                .extracting(m -> m.get("contractId").asText() + "/" + m.get("milestoneId").asText())
                .contains("ct-2026-001/d1", "ct-2026-001/p1"));
        eventually(Duration.ofSeconds(30), () -> {
            JsonNode spend = spendRow("sup-001");
            assertThat(spend.at("/ordered/amount").asText()).isEqualTo("13500.00");
            assertThat(spend.at("/delivered/amount").asText()).isEqualTo("5400.00");
        });
    }

    @Test
    void the_services_decide_who_may_do_what_through_the_front() throws Exception {
        RunningLedger.Reply anonymous = ledger.get(null, "/api/contracts");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(ledger.post(null, "/api/suppliers", supplier("sup-anon")).status()).isEqualTo(401);

        RunningLedger.Reply refused = ledger.post("dashboard", "/api/suppliers", supplier("sup-dash"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(refused.body()).get("detail").asText()).contains("POST /api/suppliers");
        assertThat(ledger.get("buyer", "/api/admin/projections").status()).isEqualTo(403);
        // On the command side, which has no such endpoint, this would be 404.
        assertThat(ledger.post("buyer", "/api/admin/projections/contract-summaries/replay", "").status())
                .isEqualTo(403);

        JsonNode projections = read(ledger.get("admin", "/api/admin/projections"));
        assertThat(projections).extracting(p -> p.get("name").asText()).contains("contract-summaries", "spend");
        RunningLedger.Reply replay = ledger.post("admin", "/api/admin/projections/contract-summaries/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode status = read(ledger.get("admin", "/api/admin/projections/contract-summaries"));
            assertThat(status.get("generation").asInt()).as(status.toString()).isEqualTo(1);
            assertThat(status.get("replaying").asBoolean()).isFalse();
        });

        // Webhooks are the query side's, writes included: registered through the front, read back through it.
        RunningLedger.Reply registered = ledger.post("admin", "/api/webhooks", """
                {"url": "http://203.0.113.10/hooks", "eventTypes": ["ContractBreached"]}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String webhookId = json.readTree(registered.body()).get("webhookId").asText();
        assertThat(read(ledger.get("admin", "/api/webhooks/" + webhookId)).get("enabled").asBoolean()).isTrue();
        assertThat(ledger.post("admin", "/api/webhooks/" + webhookId + "/disable", "").status()).isEqualTo(200);

        // HEAD reads: the command side takes only POSTs on this path.
        assertThat(head("buyer", "/api/suppliers")).isEqualTo(200);
    }

    @Test
    void health_answers_anyone_and_each_service_has_its_own_under_its_name() throws Exception {
        write("/api/suppliers", supplier("sup-health"), 201, 0);
        for (String health : List.of("/actuator/health", "/query-side/actuator/health",
                "/command-side/actuator/health")) {
            RunningLedger.Reply reply = ledger.get(null, health);
            assertThat(reply.status()).as(health).isEqualTo(200);
            assertThat(json.readTree(reply.body()).get("status").asText()).as(health).isEqualTo("UP");
        }
        for (String querySide : List.of("/actuator/prometheus", "/query-side/actuator/prometheus")) {
            assertThat(body(ledger.get("admin", querySide))).as(querySide)
                    .contains("ledger_projection_lag{").doesNotContain("commandBus_");
        }
        assertThat(body(ledger.get("admin", "/command-side/actuator/prometheus")))
                .contains("commandBus_").doesNotContain("ledger_projection_");
        assertThat(ledger.get("dashboard", "/command-side/actuator/prometheus").status()).isEqualTo(403);
        assertThat(ledger.get(null, "/index.html").status()).isEqualTo(404);
    }

    @Test
    void the_rules_page_the_problem_types_link_to_is_the_command_sides() {
        RunningLedger.Reply page = ledger.get(null, "/docs/rules");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/markdown");
        assertThat(page.body()).startsWith("# Rules and problem types").contains("<a id=\"CONTRACT_CLOSED\"></a>");
    }

    @Test
    void the_console_signs_in_and_reads_through_the_front() throws Exception {
        write("/api/suppliers", supplier("sup-console"), 201, 0);
        CookieClient browser = new CookieClient(ledger.baseUrl());
        assertThat(browser.signIn("auditor", "demo").statusCode()).isEqualTo(204);
        assertThat(browser.get("/webjars/echarts/echarts.min.js").statusCode()).isEqualTo(200);
        // the profile is there once its projection has seen the onboarding
        eventually(Duration.ofSeconds(20), () -> {
            HttpResponse<String> supplier = browser.get("/api/suppliers/sup-console");
            assertThat(supplier.statusCode()).isEqualTo(200);
            assertThat(json.readTree(supplier.body()).get("id").asText()).isEqualTo("sup-console");
        });
        assertThat(browser.post("/console/logout", "", browser.csrf()).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/suppliers/sup-console").statusCode()).isEqualTo(401);
    }

    @Test
    void what_the_front_refuses_itself_is_a_problem() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("unknown path", "GET /index.html HTTP/1.1\r\nHost: ledger\r\nConnection: close\r\n\r\n");
        requests.put("dot segments above the root", "GET /../../etc/passwd HTTP/1.1\r\nHost: ledger\r\n\r\n");
        requests.put("long URI", "GET /api/contracts/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: ledger\r\n\r\n");
        requests.put("64 KiB header", "GET /api/contracts HTTP/1.1\r\nHost: ledger\r\nX-Big: " + "b".repeat(65_536)
                + "\r\n\r\n");
        requests.put("no Host", "GET /api/contracts HTTP/1.1\r\n\r\n");
        requests.put("not HTTP", "HELLO\r\n\r\n");
        requests.put("bare CR in a header", "GET /api/contracts HTTP/1.1\r\nHost: ledger\r\nX-A: a\rb\r\n\r\n");
        requests.forEach((name, request) -> {
            String answer = ledger.raw(request);
            assertThat(RawHttp.status(answer)).as(name).isBetween(400, 499);
            assertThat(RawHttp.header(answer, "Content-Type")).as(name).startsWith("application/problem+json");
            assertThat(RawHttp.body(answer)).as(name).startsWith("{\"type\"").doesNotContainIgnoringCase("nginx");
        });
    }

    @Test
    void a_body_of_one_mebibyte_passes_and_a_larger_one_is_refused_as_a_problem() throws Exception {
        write("/api/suppliers", padded(supplier("sup-big"), MIB), 201, 0);

        RunningLedger.Reply tooLarge = ledger.post("buyer", "/api/suppliers", padded(supplier("sup-bigger"), MIB + 1));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(tooLarge.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asText()).isEqualTo("Request too large");
    }

    /** Last: it stops the command side. */
    @Test
    @Order(Integer.MAX_VALUE)
    void reads_go_on_while_the_command_side_is_down_and_writes_get_a_problem() throws Exception {
        write("/api/suppliers", supplier("sup-down"), 201, 0);
        eventually(Duration.ofSeconds(30), () -> read(ledger.get("buyer", "/api/suppliers/sup-down")));

        ledger.commandSide().close();
        RunningLedger.Reply write = ledger.post("buyer", "/api/suppliers", supplier("sup-later"));
        assertThat(write.status()).as(write.body()).isEqualTo(502);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(write.body()).get("status").asInt()).isEqualTo(502);
        assertThat(read(ledger.get("buyer", "/api/suppliers/sup-down")).get("id").asText()).isEqualTo("sup-down");
    }

    private RunningLedger.Reply write(String path, String body, int status, long version) throws Exception {
        return write(path, body, status, version, Map.of());
    }

    private RunningLedger.Reply write(String path, String body, int status, long version, Map<String, String> headers)
            throws Exception {
        RunningLedger.Reply reply = ledger.post("buyer", path, body, headers);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(status);
        assertThat(json.readTree(reply.body()).get("version").asLong()).as(path).isEqualTo(version);
        return reply;
    }

    private JsonNode read(RunningLedger.Reply reply) throws Exception {
        return json.readTree(body(reply));
    }

    private static String body(RunningLedger.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode spendRow(String supplierId) throws Exception {
        for (JsonNode row : read(ledger.get("dashboard", "/api/analytics/spend?groupBy=supplier")).get("rows")) {
            if (row.get("key").asText().equals(supplierId)) {
                return row;
            }
        }
        throw new AssertionError("no spend row for " + supplierId);
    }

    /** {@code json} followed by spaces up to {@code bytes} bytes: still the same JSON document. */
    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.getBytes(StandardCharsets.UTF_8).length);
    }

    private int head(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ledger.baseUrl() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
