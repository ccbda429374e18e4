package com.contractledger.app;

import com.contractledger.app.HostileCorpus.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus ({@link HostileCorpus}) against one ledger: every hostile write gets a 4xx problem and
 * stores nothing; every hostile read gets a 4xx problem or a 2xx, never a 5xx; the export refuses instants out of range.
 * Then the valid request each write's variants came from succeeds, which shows the variants were refused for what made
 * them hostile, and the views agree with the event store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^Content-Type:\\s*(\\S+)");

    /** The records the valid requests name; every planned date lies beyond any deadline a test run could reach. */
    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir);
        created(ledger.post("buyer", "/api/suppliers", supplier("sup-h")));
        created(ledger.post("buyer", "/api/contracts", farOff(contract("ct-h", "sup-h", "2099-12-15", "2100-01-15"))));
        created(ledger.post("buyer", "/api/contracts", farOff(contract("ct-u", "sup-h", "2099-12-15", "2100-01-15"))));
        created(ledger.post("buyer", "/api/contracts/ct-h/signature", SIGNATURE));
        created(ledger.post("buyer", "/api/contracts/ct-h/deliveries", LATE_PARTLY_REJECTED_DELIVERY));
        created(ledger.post("buyer", "/api/contracts/ct-h/disputes", """
                {"disputeId": "dp-h", "category": "QUANTITY", "claimAmount": {"amount": "1.00", "currency": "CNY"},
                 "description": "count"}"""));
        created(ledger.post("buyer", "/api/suppliers/sup-h/rectifications",
                "{\"rectificationId\": \"r-h\", \"issue\": \"late\", \"dueOn\": \"2199-12-31\"}"));
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    @Order(1)
    void every_hostile_write_gets_a_problem_and_stores_nothing() {
        List<Request> corpus = HostileCorpus.writes();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);
        List<String> failures = new ArrayList<>();
        for (Request request : corpus) {
            long before = ledger.storedEventCount();
            RunningLedger.Reply reply = ledger.post("buyer", request.path(), request.body());
            long stored = ledger.storedEventCount() - before;
            if (!refused(request, reply) || stored != 0) {
                failures.add(request + " -> " + reply.status() + " " + reply.header("Content-Type") + ", " + stored
                        + " stored: " + shortened(reply.body()));
            }
        }
        assertThat(failures).as("of %d hostile writes", corpus.size()).isEmpty();
        assertThat(ledger.get(null, "/actuator/health").body()).contains("UP");
    }

    @Test
    @Order(1)
    void a_body_that_is_not_json_is_a_415() {
        RunningLedger.Reply reply = ledger.post("buyer", "/api/suppliers", supplier("sup-t"),
                Map.of("Content-Type", "text/plain"));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    void header_values_with_c1_bytes_get_a_problem_and_store_nothing() {
        List<Request> corpus = HostileCorpus.headers();
        String credentials = "Authorization: Basic "
                + Base64.getEncoder().encodeToString("buyer:demo".getBytes(StandardCharsets.UTF_8)) + "\r\n";
        List<String> failures = new ArrayList<>();
        for (Request request : corpus) {
            long before = ledger.storedEventCount();
            byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
            String answer = ledger.raw(request.method() + " " + request.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + credentials + (body.length == 0 ? "" : "Content-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n") + request.headerName() + ": " + request.headerValue()
                    + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
            Matcher status = STATUS.matcher(answer);
            Matcher contentType = CONTENT_TYPE.matcher(answer);
            long stored = ledger.storedEventCount() - before;
            if (!status.find() || !isProblem(Integer.parseInt(status.group(1)), contentType.find()
                    ? contentType.group(1) : null) || stored != 0) {
                failures.add(request + " -> " + stored + " stored: " + shortened(answer));
            }
        }
        assertThat(failures).as("of %d requests with C1 bytes in a header", corpus.size()).isEmpty();
    }

    @Test
    @Order(3)
    void every_hostile_read_gets_a_problem_or_an_answer_and_never_a_5xx() {
        List<Request> corpus = HostileCorpus.reads();
        long before = ledger.storedEventCount();
        List<String> failures = new ArrayList<>();
        for (Request request : corpus) {
            RunningLedger.Reply reply = ledger.get(reader(request.path()), request.path());
            boolean answered = reply.status() >= 200 && reply.status() < 300;
            if (!answered && !refused(request, reply)) {
                failures.add(request + " -> " + reply.status() + " " + reply.header("Content-Type") + ": "
                        + shortened(reply.body()));
            }
        }
        assertThat(failures).as("of %d hostile reads", corpus.size()).isEmpty();
        assertThat(ledger.storedEventCount()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void the_export_refuses_instants_out_of_range() {
        List<String> failures = new ArrayList<>();
        for (Request request : HostileCorpus.exportOutOfRange()) {
            RunningLedger.Reply reply = ledger.get("auditor", request.path());
            if (reply.status() != 400 || !isProblem(reply.status(), reply.header("Content-Type"))) {
                failures.add(request + " -> " + reply.status() + ": " + shortened(reply.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(5)
    void the_valid_requests_succeed_and_the_views_agree_with_the_event_store() throws Exception {
        for (Map.Entry<String, String> write : HostileCorpus.validWrites().entrySet()) {
            RunningLedger.Reply reply = ledger.post("buyer", write.getKey(), write.getValue());
            assertThat(reply.status()).as(write.getKey() + " " + reply.body()).isBetween(200, 299);
        }
        ViewConsistency.assertConsistent(ledger);
    }

    private static boolean refused(Request request, RunningLedger.Reply reply) {
        return isProblem(reply.status(), reply.header("Content-Type"));
    }

    private static boolean isProblem(int status, String contentType) {
        return status >= 400 && status < 500 && contentType != null
                && contentType.startsWith("application/problem+json");
    }

    private static String reader(String path) {
        return path.startsWith("/api/admin/") ? "admin" : "auditor";
    }

    private static String farOff(String contract) {
        return contract.replace("\"" + EXPIRES_ON + "\"", "\"2199-11-30\"");
    }

    private static void created(RunningLedger.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
    }

    private static String shortened(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
