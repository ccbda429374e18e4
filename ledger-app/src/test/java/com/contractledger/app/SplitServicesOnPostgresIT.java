package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postgres topology as deployed: the command-side and the query-side service, each a child process started from
 * its executable jar with the environment an operator gives it, sharing one PostgreSQL database (Axon's event store,
 * tokens, the schema each side migrates) — the query side tails the event table — and an in-test MongoDB for the
 * views.
 */
class SplitServicesOnPostgresIT {

    private static final String BUYER = "buyer:buyer-secret";
    private static final String AUDITOR = "auditor:auditor-secret";
    private static final String ADMIN = "admin:admin-secret";
    private static final List<String> PROJECTIONS = List.of("contract-history", "contract-summaries",
            "dispute-timelines", "milestones", "spend", "supplier-profiles", "supplier-risk", "supplier-scorecards");

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();
    @TempDir
    Path dir;
    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final InTestMongo mongo = new InTestMongo();
    private ServiceProcess commandSide;
    private ServiceProcess querySide;
    private int querySideStarts;

    @BeforeEach
    void start() throws Exception {
        // The query side first, on the empty database: it waits for the event table the command side creates.
        querySide = startQuerySide();
        commandSide = ServiceProcess.start("command-side", serviceJar("command-side"), List.of(), environment(),
                List.of(), dir).awaitHealthy();
        querySide.awaitHealthy();
    }

    @AfterEach
    void stop() throws Exception {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void a_contract_lives_from_onboarding_to_termination_across_the_two_services() throws Exception {
        write("/api/suppliers", supplier("sup-001"), 201, 0);
        write("/api/suppliers/sup-001/credit-assessments", LOW_CREDIT, 201, 1);
        write("/api/suppliers/sup-001/tier", "{\"tier\": \"KEY\", \"reason\": \"sole source of M8 fasteners\"}",
                202, 2);
        String ct = "/api/contracts/ct-2026-001";
        write("/api/contracts", contract("ct-2026-001", "sup-001"), 201, 0);
        write(ct + "/signature", SIGNATURE, 202, SIGNED_VERSION); // with d1 overdue, backfilled
        write(ct + "/amendments", PRICE_AMENDMENT, 201, 3);
        write(ct + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY, 201, 4);
        write(ct + "/breaches", LATE_DELIVERY_BREACH, 201, 5);
        write(ct + "/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""", 201, 6);
        write(ct + "/disputes/dp-1/escalations", "{\"to\": \"MEDIATION\", \"reason\": \"no agreement\"}", 201, 7);
        write(ct + "/disputes/dp-1/notes", "{\"text\": \"inspection report\"}", 201, 8);
        write(ct + "/disputes/dp-1/resolution", """
                {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                 "summary": "split the difference"}""", 202, 9);
        write(ct + "/renewals", RENEWAL, 201, 10);
        write(ct + "/termination", TERMINATION, 202, 11);

        JsonNode summary = caughtUp(querySide.get(BUYER, ct + "?minVersion=11"));
        assertThat(summary.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(summary.at("/ordered/amount").asText()).isEqualTo("13500.00");
        assertThat(summary.at("/totalPenalties/amount").asText()).isEqualTo("81.00");
        assertThat(summary.get("openDisputes").asInt()).isZero();

        // The history the query side projected is the event store's, event by event.
        List<String> stored = new ArrayList<>();
        read(querySide.get(AUDITOR, ct + "/events")).forEach(event -> stored.add(event.get("eventId").asText()));
        assertThat(stored).hasSize(12);
        List<String> history = new ArrayList<>();
        caughtUp(querySide.get(AUDITOR, ct + "/history?minVersion=11")).get("entries")
                .forEach(entry -> history.add(entry.get("eventId").asText()));
        assertThat(history).containsExactlyElementsOf(stored);
        JsonNode verification = read(querySide.get(AUDITOR, "/api/audit/contracts/ct-2026-001/verify"));
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("events").asLong()).isEqualTo(12);
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode scorecard = read(querySide.get(BUYER, "/api/suppliers/sup-001/scorecard"));
            assertThat(scorecard.get("creditRating").asText()).isEqualTo("BB");
            assertThat(scorecard.get("disputesTotal").asInt()).isEqualTo(1);
        });
    }

    @Test
    void commands_on_the_command_side_reach_the_query_side_one_by_one() throws Exception {
        write("/api/suppliers", supplier("sup-fast"), 201, 0);
        // Unmeasured: the first contract after start loads the projections' code and creates their collections.
        write("/api/contracts", contract("ct-fast0", "sup-fast"), 201, 0);
        caughtUp(querySide.get(BUYER, "/api/contracts/ct-fast0?minVersion=0"));
        // The query side polls the event table every 100 ms and tells its processors at each poll; how soon a write
        // arrives is the benchmark's measure, not this test's, which runs on a machine shared with the whole suite.
        List<Long> latencies = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            String id = "ct-fast" + c;
            write("/api/contracts", contract(id, "sup-fast"), 201, 0);
            long written = System.nanoTime();
            while (querySide.get(BUYER, "/api/contracts/" + id).statusCode() != 200) {
                assertThat(System.nanoTime() - written).as(id + " never reached the query side")
                        .isLessThan(30_000_000_000L);
                Thread.sleep(10);
            }
            latencies.add((System.nanoTime() - written) / 1_000_000);
        }
        System.out.println("command-to-query-side latencies (ms): " + latencies);
        assertThat(latencies).hasSize(5);
    }

    @Test
    void a_stopped_query_side_catches_up_with_nothing_lost_when_it_is_back() throws Exception {
        write("/api/suppliers", supplier("sup-cu"), 201, 0);
        write("/api/contracts", contract("ct-cu0", "sup-cu"), 201, 0);
        caughtUp(querySide.get(BUYER, "/api/contracts/ct-cu0?minVersion=0"));

        querySide.close();
        querySide = null;
        int contracts = 20;
        for (int c = 1; c <= contracts; c++) {
            String id = "ct-cu" + c;
            write("/api/contracts", contract(id, "sup-cu"), 201, 0);
            write("/api/contracts/" + id + "/signature", SIGNATURE, 202, SIGNED_VERSION);
            write("/api/contracts/" + id + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY, 201, 3);
        }
        write("/api/contracts/ct-cu0/signature", SIGNATURE, 202, SIGNED_VERSION);
        long stored = storedEvents();

        querySide = startQuerySide().awaitHealthy();
        awaitNoLag(stored);
        JsonNode page = read(querySide.get(BUYER, "/api/contracts?supplierId=sup-cu&size=200"));
        assertThat(page.get("total").asInt()).isEqualTo(contracts + 1);
        for (JsonNode contract : page.get("items")) {
            assertThat(contract.get("version").asLong()).as(contract.get("id").asText())
                    .isEqualTo(contract.get("id").asText().equals("ct-cu0") ? SIGNED_VERSION : 3);
        }
        for (String id : List.of("ct-cu1", "ct-cu20")) {
            List<String> events = new ArrayList<>();
            read(querySide.get(AUDITOR, "/api/contracts/" + id + "/events"))
                    .forEach(event -> events.add(event.get("eventId").asText()));
            List<String> history = new ArrayList<>();
            caughtUp(querySide.get(AUDITOR, "/api/contracts/" + id + "/history?minVersion=3")).get("entries")
                    .forEach(entry -> history.add(entry.get("eventId").asText()));
            assertThat(history).as(id).containsExactlyElementsOf(events);
        }
        JsonNode scorecard = read(querySide.get(BUYER, "/api/suppliers/sup-cu/scorecard"));
        assertThat(scorecard.get("deliveries").asInt()).isEqualTo(contracts);
        JsonNode spend = read(querySide.get(BUYER, "/api/analytics/spend?groupBy=supplier")).get("rows").get(0);
        assertThat(spend.at("/delivered/amount").asText()).isEqualTo("102000.00");
    }

    @Test
    void a_replayed_projection_ends_equal_to_the_event_store() throws Exception {
        write("/api/suppliers", supplier("sup-rp"), 201, 0);
        for (int c = 1; c <= 5; c++) {
            write("/api/contracts", contract("ct-rp" + c, "sup-rp"), 201, 0);
            write("/api/contracts/ct-rp" + c + "/signature", SIGNATURE, 202, SIGNED_VERSION);
        }
        write("/api/contracts/ct-rp1/deliveries", LATE_PARTLY_REJECTED_DELIVERY, 201, 3);
        awaitNoLag(storedEvents());
        String scorecardBefore = querySide.get(BUYER, "/api/suppliers/sup-rp/scorecard").body();

        for (String projection : List.of("contract-history", "supplier-scorecards")) {
            HttpResponse<String> replay = querySide.post(ADMIN, "/api/admin/projections/" + projection + "/replay", "");
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        }
        write("/api/contracts/ct-rp2/deliveries", LATE_PARTLY_REJECTED_DELIVERY, 201, 3);
        eventually(Duration.ofSeconds(60), () -> {
            for (String projection : List.of("contract-history", "supplier-scorecards")) {
                JsonNode status = read(querySide.get(ADMIN, "/api/admin/projections/" + projection));
                assertThat(status.get("generation").asInt()).as(status.toString()).isEqualTo(1);
                assertThat(status.get("building").isNull()).isTrue();
            }
        });
        for (int c = 1; c <= 5; c++) {
            String id = "ct-rp" + c;
            List<String> events = new ArrayList<>();
            read(querySide.get(AUDITOR, "/api/contracts/" + id + "/events"))
                    .forEach(event -> events.add(event.get("eventId").asText()));
            eventually(Duration.ofSeconds(60), () -> {
                List<String> history = new ArrayList<>();
                read(querySide.get(AUDITOR, "/api/contracts/" + id + "/history")).get("entries")
                        .forEach(entry -> history.add(entry.get("eventId").asText()));
                assertThat(history).as(id).containsExactlyElementsOf(events);
            });
        }
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode scorecard = read(querySide.get(BUYER, "/api/suppliers/sup-rp/scorecard"));
            assertThat(scorecard.get("deliveries").asInt()).isEqualTo(2);
        });
        assertThat(json.readTree(scorecardBefore).get("deliveries").asInt()).isEqualTo(1);
    }

    /**
     * Two query-side instances on one database: the first holds every segment, so the second's dashboards hear the
     * changes the first records from the shared change log; when the first stops, the second takes its segments over.
     */
    @Test
    void a_second_query_side_streams_every_change_and_takes_over_when_the_first_stops() throws Exception {
        ServiceProcess second = startQuerySide().awaitHealthy();
        try {
            write("/api/suppliers", supplier("sup-2q"), 201, 0);
            try (SseClient stream = SseClient.connect(second.baseUrl(), "/api/stream/contracts", AUDITOR, null)) {
                write("/api/contracts", contract("ct-2q1", "sup-2q"), 201, 0);
                SseClient.Event change = stream.next(Duration.ofSeconds(30));
                assertThat(change).as("a change recorded by the other instance").isNotNull();
                assertThat(change.data()).contains("\"id\":\"ct-2q1\"");
            }

            querySide.close();
            querySide = null;
            write("/api/contracts", contract("ct-2q2", "sup-2q"), 201, 0);
            write("/api/contracts/ct-2q2/signature", SIGNATURE, 202, SIGNED_VERSION);
            eventually(Duration.ofSeconds(90), () -> assertThat(
                    read(second.get(AUDITOR, "/api/contracts/ct-2q2/history")).get("entries")).hasSize(3));
            eventually(Duration.ofSeconds(90), () -> assertThat(
                    read(second.get(AUDITOR, "/api/contracts/ct-2q2")).get("status").asText()).isEqualTo("ACTIVE"));
        } finally {
            second.close();
        }
    }

    private ServiceProcess startQuerySide() throws Exception {
        Map<String, String> environment = environment();
        environment.putAll(postgres.querySideEnvironment());
        environment.put("MONGODB_URI", mongo.uri());
        // the in-test MongoDB wire server does not know the "hello" command of Spring Boot's MongoDB health check
        return ServiceProcess.start("query-side-" + ++querySideStarts, serviceJar("query-side"), List.of(),
                environment, List.of("--management.health.mongo.enabled=false"), dir);
    }

    /** What an operator sets: the profile, the database, users with {bcrypt} hashes. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.putAll(postgres.commandSideEnvironment());
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        List<String> users = List.of(BUYER, AUDITOR, ADMIN);
        for (int i = 0; i < users.size(); i++) {
            String[] user = users.get(i).split(":");
            environment.put("LEDGER_SECURITY_USERS_" + i + "_NAME", user[0]);
            environment.put("LEDGER_SECURITY_USERS_" + i + "_PASSWORD", "{bcrypt}" + bcrypt.encode(user[1]));
            environment.put("LEDGER_SECURITY_USERS_" + i + "_ROLES", user[0].toUpperCase());
        }
        return environment;
    }

    private void write(String path, String body, int status, long version) throws Exception {
        HttpResponse<String> reply = commandSide.post(BUYER, path, body);
        assertThat(reply.statusCode()).as(path + " " + reply.body()).isEqualTo(status);
        assertThat(json.readTree(reply.body()).get("version").asLong()).as(path).isEqualTo(version);
    }

    private JsonNode read(HttpResponse<String> reply) throws Exception {
        assertThat(reply.statusCode()).as(reply.uri() + " " + reply.body()).isEqualTo(200);
        return json.readTree(reply.body());
    }

    private JsonNode caughtUp(HttpResponse<String> reply) throws Exception {
        assertThat(reply.headers().firstValue("X-Read-Model-Caught-Up")).as(reply.uri().toString()).hasValue("true");
        return read(reply);
    }

    private long storedEvents() throws Exception {
        try (Connection db = postgres.connect(); Statement sql = db.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Every projection has handled every stored event ({@code stored} of them). */
    private void awaitNoLag(long stored) throws Exception {
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode statuses = read(querySide.get(ADMIN, "/api/admin/projections"));
            assertThat(statuses).hasSize(PROJECTIONS.size());
            statuses.forEach(status -> {
                assertThat(status.get("head").asLong()).as(status.toString()).isGreaterThanOrEqualTo(stored);
                assertThat(status.get("lag").asLong(-1)).as(status.toString()).isZero();
            });
        });
    }

    private static Path serviceJar(String module) {
        return Path.of("..", module, "target", module + "-service.jar").toAbsolutePath().normalize();
    }
}
