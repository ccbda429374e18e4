package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application for every test of a class, on the embedded stack unless a subclass launches it otherwise, and the
 * reads its tests check the answers and the views with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContractLifecycleFixture {

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        ledger = launch();
    }

    /**
     * The application on the embedded default; {@link ContractLifecycleOnPostgresIT} launches it on PostgreSQL,
     * {@link ContractLifecycleFrontedOnPostgresIT} as the two services behind the front.
     */
    RunningLedger launch() throws Exception {
        return LedgerProcess.start(dataDir);
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
    }

    void expect(RunningLedger.Reply reply, int status, String id, long version) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode body = json.readTree(reply.body());
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("version").asLong()).isEqualTo(version);
    }

    void expectProblem(RunningLedger.Reply reply, int status, String path) throws Exception {
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
        assertThat(json.readTree(reply.body()).get("status").asInt()).as(path).isEqualTo(status);
    }

    JsonNode read(String user, String path) throws Exception {
        RunningLedger.Reply reply = ledger.get(user, path);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
        return json.readTree(reply.body());
    }

    /** The summary once it reflects {@code version}, read-your-writes. */
    JsonNode summary(String contractPath, long version) throws Exception {
        RunningLedger.Reply reply = ledger.get("dashboard", contractPath + "?minVersion=" + version);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Read-Model-Caught-Up")).isEqualTo("true");
        JsonNode summary = json.readTree(reply.body());
        assertThat(summary.get("version").asLong()).isEqualTo(version);
        return summary;
    }

    List<JsonNode> history(String contractPath, long version) throws Exception {
        RunningLedger.Reply reply = ledger.get("auditor", contractPath + "/history?minVersion=" + version);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Read-Model-Caught-Up")).isEqualTo("true");
        List<JsonNode> entries = new ArrayList<>();
        json.readTree(reply.body()).get("entries").forEach(entries::add);
        assertThat(entries).hasSize((int) version + 1);
        return entries;
    }

    List<String> milestonesOf(String contractId, String status) throws Exception {
        List<String> found = new ArrayList<>();
        read("dashboard", "/api/milestones?size=200" + (status == null ? "" : "&status=" + status)).get("items")
                .forEach(m -> {
                    if (m.get("contractId").asText().equals(contractId)) {
                        found.add(m.get("milestoneId").asText() + ":" + m.get("status").asText());
                    }
                });
        return found;
    }

    JsonNode spendRow(String groupBy, String key) throws Exception {
        for (JsonNode row : read("dashboard", "/api/analytics/spend?groupBy=" + groupBy).get("rows")) {
            if (row.get("key").asText().equals(key) && row.get("currency").asText().equals("CNY")) {
                return row;
            }
        }
        throw new AssertionError("no spend row " + key + " by " + groupBy);
    }

    /** Views fed by other processors catch up on their own time: retries {@code check} for up to five seconds. */
    static void eventually(Check check) throws Exception {
        LedgerFixtures.eventually(java.time.Duration.ofSeconds(5), check);
    }

    void refusedByRule(RunningLedger.Reply reply, String rule, String detail) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        assertThat(problem.get("type").asText()).isEqualTo("/docs/rules#" + rule);
        assertThat(problem.get("kind").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(problem.get("detail").asText()).contains(detail);
    }
}
