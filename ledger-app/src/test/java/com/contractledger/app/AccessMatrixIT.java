package com.contractledger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role and anonymous: anonymous gets 401, a role the table here does not name gets 403, a
 * role it names is let through (whatever the resource then answers); the API description names the same roles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("buyer", "auditor", "compliance", "dashboard", "admin");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> BUYER = Set.of("buyer");
    private static final Set<String> HISTORY_READERS = Set.of("buyer", "auditor", "compliance");
    private static final Set<String> AUDIT = Set.of("auditor", "compliance");
    private static final Set<String> ADMIN = Set.of("admin");

    record Endpoint(String method, String path, Set<String> allowed) {
    }

    /** The application on the embedded default; a subclass may launch it otherwise. */
    RunningLedger launch(String... arguments) throws Exception {
        return LedgerProcess.start(dataDir, arguments);
    }

    @BeforeAll
    void start() throws Exception {
        ledger = launch();
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-a")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-a", "sup-a")).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String write : List.of("/api/suppliers", "/api/suppliers/sup-a/credit-assessments",
                "/api/suppliers/sup-a/classification", "/api/suppliers/sup-a/tier", "/api/suppliers/sup-a/evaluations",
                "/api/suppliers/sup-a/rectifications", "/api/suppliers/sup-a/rectifications/r-1/completion",
                "/api/suppliers/sup-a/suspension", "/api/suppliers/sup-a/reinstatement",
                "/api/suppliers/sup-a/termination", "/api/suppliers/sup-a/communications", "/api/contracts",
                "/api/contracts/ct-a/signature", "/api/contracts/ct-a/amendments", "/api/contracts/ct-a/deliveries",
                "/api/contracts/ct-a/payments", "/api/contracts/ct-a/breaches", "/api/contracts/ct-a/disputes",
                "/api/contracts/ct-a/disputes/dp-1/escalations", "/api/contracts/ct-a/disputes/dp-1/notes",
                "/api/contracts/ct-a/disputes/dp-1/resolution", "/api/contracts/ct-a/renewals",
                "/api/contracts/ct-a/termination")) {
            endpoints.add(new Endpoint("POST", write, BUYER));
        }
        for (String read : List.of("/api/contracts?supplierId=sup-a", "/api/contracts/ct-a", "/api/contracts/ct-a/disputes",
                "/api/disputes?status=OPEN", "/api/suppliers", "/api/suppliers/sup-a", "/api/suppliers/sup-a/scorecard",
                "/api/milestones?status=UPCOMING", "/api/analytics/spend?groupBy=supplier")) {
            endpoints.add(new Endpoint("GET", read, EVERYONE));
        }
        endpoints.add(new Endpoint("GET", "/api/contracts/ct-a/history", HISTORY_READERS));
        for (String audit : List.of("/api/contracts/ct-a/state?version=0", "/api/contracts/ct-a/events",
                "/api/suppliers/sup-a/state", "/api/audit/contracts/ct-a/verify", "/api/audit/export?format=ndjson")) {
            endpoints.add(new Endpoint("GET", audit, AUDIT));
        }
        endpoints.add(new Endpoint("GET", "/api/admin/projections", ADMIN));
        endpoints.add(new Endpoint("GET", "/api/admin/projections/spend/dead-letters", ADMIN));
        endpoints.add(new Endpoint("POST", "/api/admin/projections/spend/dead-letters/retry", ADMIN));
        endpoints.add(new Endpoint("GET", "/actuator/prometheus", ADMIN));
        // HEAD follows the rules of GET: it runs the same handler and would tell what GET refuses
        for (Endpoint read : List.copyOf(endpoints)) {
            if (read.method().equals("GET")) {
                endpoints.add(new Endpoint("HEAD", read.path(), read.allowed()));
            }
        }
        return endpoints;
    }

    @Test
    void every_endpoint_answers_every_role_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            check(wrong, endpoint, null, 401);
            for (String role : ROLES) {
                RunningLedger.Reply reply = call(endpoint, role);
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed && (reply.status() == 401 || reply.status() == 403)) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + reply.status()
                            + " but the role is allowed");
                }
                if (!allowed && reply.status() != 403) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + reply.status()
                            + " but expected 403");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_api_description_names_for_each_endpoint_the_roles_it_lets_through() throws Exception {
        Map<String, ObjectNode> paths = new HashMap<>();
        for (String description : ledger.apiDescriptions()) {
            RunningLedger.Reply reply = ledger.get(null, description);
            assertThat(reply.status()).as(description).isEqualTo(200);
            JSON.readTree(reply.body()).get("paths").fields().forEachRemaining(path -> paths.computeIfAbsent(
                    path.getKey(), key -> JSON.createObjectNode()).setAll((ObjectNode) path.getValue()));
        }
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String path = endpoint.path().split("\\?")[0];
            if (!path.startsWith("/api/") || endpoint.method().equals("HEAD")) {
                continue;
            }
            List<String> templates = paths.keySet().stream()
                    .filter(template -> ApiPaths.instanceOf(path, template)).toList();
            assertThat(templates).as(endpoint.path()).hasSize(1);
            Set<String> described = new HashSet<>();
            paths.get(templates.get(0)).path(endpoint.method().toLowerCase(Locale.ROOT)).path("x-roles")
                    .forEach(role -> described.add(role.asText().toLowerCase(Locale.ROOT)));
            if (!described.equals(endpoint.allowed())) {
                wrong.add(endpoint.method() + " " + endpoint.path() + ": described " + described + ", allowed "
                        + endpoint.allowed());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void health_answers_everyone() {
        assertThat(ledger.get(null, "/actuator/health").status()).isEqualTo(200);
        ROLES.forEach(role -> assertThat(ledger.get(role, "/actuator/health").status()).isEqualTo(200));
    }

    private static void check(List<String> wrong, Endpoint endpoint, String role, int expected) {
        RunningLedger.Reply reply = call(endpoint, role);
        if (reply.status() != expected) {
            wrong.add(endpoint.method() + " " + endpoint.path() + " as " + (role == null ? "anonymous" : role) + ": "
                    + reply.status() + " but expected " + expected);
        }
    }

    private static RunningLedger.Reply call(Endpoint endpoint, String role) {
        return switch (endpoint.method()) {
            case "GET" -> ledger.get(role, endpoint.path());
            case "HEAD" -> ledger.head(role, endpoint.path());
            default -> ledger.post(role, endpoint.path(), "{}");
        };
    }
}
