package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application runs as a real child process and is killed with SIGKILL while every projection is being replayed.
 * After a restart the replays finish and every read model equals what it was before the replay began.
 */
class CrashDuringReplayIT {

    private static final List<String> PROJECTIONS = List.of("contract-history", "contract-summaries",
            "dispute-timelines", "milestones", "spend", "supplier-profiles", "supplier-risk", "supplier-scorecards");

    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void read_models_are_whole_after_a_kill_during_replay() throws Exception {
        int port = freePort();
        Process child = start(port);
        Map<String, String> before;
        try {
            await(() -> call(port, "GET", "/actuator/health", null, null).statusCode() == 200, child);
            call(port, "POST", "/api/suppliers", "buyer", supplier("sup-k"));
            for (int c = 0; c < 60; c++) {
                String id = "ct-k" + c;
                call(port, "POST", "/api/contracts", "buyer", contract(id, "sup-k"));
                call(port, "POST", "/api/contracts/" + id + "/signature", "buyer", SIGNATURE);
                call(port, "POST", "/api/contracts/" + id + "/disputes", "buyer", """
                        {"disputeId": "dp-1", "category": "QUANTITY",
                         "claimAmount": {"amount": "5.00", "currency": "CNY"}, "description": "count"}""");
                for (int note = 0; note < 5; note++) {
                    call(port, "POST", "/api/contracts/" + id + "/disputes/dp-1/notes", "buyer",
                            "{\"text\": \"note " + note + "\"}");
                }
            }
            await(() -> caughtUp(port), child);
            before = views(port);

            for (String projection : PROJECTIONS) {
                assertThat(call(port, "POST", "/api/admin/projections/" + projection + "/replay", "admin", "")
                        .statusCode()).isEqualTo(202);
            }
            await(() -> replayUnderWay(port), child);
            child.destroyForcibly().waitFor();
        } finally {
            child.destroyForcibly().waitFor();
        }

        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline) && !caughtUp(ledger)) {
                Thread.sleep(200);
            }
            assertThat(caughtUp(ledger)).as("every replay finished after the restart").isTrue();
            for (Map.Entry<String, String> view : before.entrySet()) {
                assertThat(json.readTree(ledger.get("auditor", view.getKey()).body()))
                        .as(view.getKey()).isEqualTo(json.readTree(view.getValue()));
            }
            ViewConsistency.assertConsistent(ledger);
        }
    }

    private Map<String, String> views(int port) throws Exception {
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : List.of("/api/contracts?size=200", "/api/disputes?size=200", "/api/milestones?size=200",
                "/api/suppliers/sup-k", "/api/suppliers/sup-k/scorecard", "/api/analytics/spend?groupBy=month",
                "/api/contracts/ct-k0/history", "/api/contracts/ct-k59/history", "/api/contracts/ct-k30/disputes")) {
            HttpResponse<String> response = call(port, "GET", path, "auditor", null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            views.put(path, response.body());
        }
        return views;
    }

    private boolean caughtUp(int port) throws Exception {
        return caughtUp(json.readTree(call(port, "GET", "/api/admin/projections", "admin", null).body()));
    }

    private boolean caughtUp(LedgerProcess ledger) throws Exception {
        return caughtUp(json.readTree(ledger.get("admin", "/api/admin/projections").body()));
    }

    private static boolean caughtUp(JsonNode statuses) {
        for (JsonNode status : statuses) {
            if (!status.path("building").isNull() || status.path("lag").asLong(1) != 0) {
                return false;
            }
        }
        return statuses.size() == PROJECTIONS.size();
    }

    private boolean replayUnderWay(int port) throws Exception {
        for (JsonNode status : json.readTree(call(port, "GET", "/api/admin/projections", "admin", null).body())) {
            if (!status.path("building").isNull() && status.path("replayProgress").asInt(0) > 0) {
                return true;
            }
        }
        return false;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, Process child) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(20);
        }
        throw new AssertionError("condition not reached");
    }

    private HttpResponse<String> call(int port, String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (method.equals("POST") && path.startsWith("/api/") && !path.startsWith("/api/admin")) {
            assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        }
        return response;
    }

    private Process start(int port) throws IOException {
        Path jar = Path.of("target", "ledger-app.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile(dataDir.getParent(), "replay-child", ".log");
        return new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--ledger.data-dir=" + dataDir.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
