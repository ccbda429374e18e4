package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Live updates over Server-Sent Events, read by a real HTTP client line by line. */
class StreamIT {

    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    /** The application on the embedded default; a subclass may launch it otherwise. */
    RunningLedger launch(String... arguments) throws Exception {
        return LedgerProcess.start(dataDir, arguments);
    }

    @Test
    void a_dashboard_gets_each_change_and_resumes_after_a_disconnect_without_gaps_or_repeats()
            throws Exception {
        RunningLedger ledger = launch("--ledger.stream.heartbeat=PT0.3S");
        boolean closed = false;
        try {
            ledger.post("buyer", "/api/suppliers", supplier("sup-s1"));
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-s1", "sup-s1")).status()).isEqualTo(201);
            awaitVersion(ledger, "ct-s1", 0);

            long lastSeen;
            String stream = "/api/stream/contracts";
            try (SseClient dashboard = SseClient.connect(ledger.baseUrl(), stream, "dashboard", null)) {
                assertThat(dashboard.status).isEqualTo(200);
                // how soon it arrives is the benchmark's measure (write -> visible); here that it arrives at all
                assertThat(ledger.post("buyer", "/api/contracts/ct-s1/signature", SIGNATURE).status()).isEqualTo(202);
                // The signature stores two events (signed, d1 overdue): the view changes once or twice. A subscriber
                // starts after the last change handed out when it listens, and the draft's change is handed out
                // just after its view is stored: it may come first.
                SseClient.Event signed;
                JsonNode view;
                long previousVersion = -1;
                do {
                    signed = dashboard.next(Duration.ofSeconds(15));
                    assertThat(signed).as("the updates for the signature").isNotNull();
                    assertThat(signed.name()).isEqualTo("contracts");
                    view = json.readTree(signed.data());
                    assertThat(view.get("id").asText()).isEqualTo("ct-s1");
                    assertThat(view.get("version").asLong()).isGreaterThan(previousVersion);
                    previousVersion = view.get("version").asLong();
                } while (previousVersion < SIGNED_VERSION);
                assertThat(view.get("version").asLong()).isEqualTo(SIGNED_VERSION);
                assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
                lastSeen = Long.parseLong(signed.id());
                Thread.sleep(700);
                assertThat(dashboard.heartbeats()).as("heartbeats on an idle stream").isPositive();
            }

            // While the dashboard is away: four changes of ct-s1 and a new contract.
            ledger.post("buyer", "/api/contracts/ct-s1/amendments", PRICE_AMENDMENT);
            ledger.post("buyer", "/api/contracts/ct-s1/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
            // its milestones lie ahead: its signature stores one event
            ledger.post("buyer", "/api/contracts", contract("ct-s2", "sup-s1", day(10), day(40)));
            ledger.post("buyer", "/api/contracts/ct-s1/breaches", LATE_DELIVERY_BREACH);
            ledger.post("buyer", "/api/contracts/ct-s1/disputes", """
                    {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                     "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""");
            awaitVersion(ledger, "ct-s1", 6);
            awaitVersion(ledger, "ct-s2", 0);

            try (SseClient dashboard = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts", "dashboard",
                    lastSeen);
                 SseClient oneContract = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts/ct-s2",
                         "dashboard", lastSeen)) {
                List<SseClient.Event> missed = dashboard.drain(Duration.ofSeconds(2));
                assertThat(versionsOf(missed, "ct-s1")).containsExactly(3L, 4L, 5L, 6L);
                assertThat(versionsOf(missed, "ct-s2")).containsExactly(0L);
                assertThat(missed).hasSize(5);
                assertStrictlyIncreasingIds(missed, lastSeen);
                assertThat(versionsOf(oneContract.drain(Duration.ofMillis(300)), "ct-s2")).containsExactly(0L);

                // Back live: the next change arrives once, after the missed ones.
                ledger.post("buyer", "/api/contracts/ct-s2/signature", SIGNATURE);
                SseClient.Event live = dashboard.next(Duration.ofSeconds(15));
                assertThat(live).isNotNull();
                assertThat(json.readTree(live.data()).get("id").asText()).isEqualTo("ct-s2");
                assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(missed.get(4).id()));
                assertThat(versionsOf(oneContract.drain(Duration.ofMillis(300)), "ct-s2")).containsExactly(1L);
                assertThat(dashboard.drain(Duration.ofMillis(300))).as("nothing twice").isEmpty();

                try (SseClient disputes = SseClient.connect(ledger.baseUrl(), "/api/stream/disputes", "dashboard",
                        0L)) {
                    List<SseClient.Event> timelines = disputes.drain(Duration.ofMillis(500));
                    assertThat(timelines).singleElement().satisfies(event -> {
                        assertThat(event.name()).isEqualTo("disputes");
                        assertThat(event.data()).contains("\"disputeId\":\"dp-1\"", "\"status\":\"OPEN\"");
                    });
                }

                // Shutting down with connected dashboards completes their streams instead of waiting for them.
                long stopping = System.nanoTime();
                ledger.close();
                closed = true;
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            if (!closed) {
                ledger.close();
            }
        }
    }

    private List<Long> versionsOf(List<SseClient.Event> events, String contractId) throws Exception {
        List<Long> versions = new ArrayList<>();
        for (SseClient.Event event : events) {
            JsonNode view = json.readTree(event.data());
            if (view.get("id").asText().equals(contractId)) {
                versions.add(view.get("version").asLong());
            }
        }
        return versions;
    }

    @Test
    void a_user_holds_a_bounded_number_of_streams() throws Exception {
        // a closed stream is noticed at the next heartbeat, which frees its place
        try (RunningLedger ledger = launch("--ledger.stream.max-per-user=2", "--ledger.stream.heartbeat=PT0.3S");
             SseClient first = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts", "dashboard", null);
             SseClient second = SseClient.connect(ledger.baseUrl(), "/api/stream/disputes", "dashboard", null)) {
            assertThat(first.status).isEqualTo(200);
            assertThat(second.status).isEqualTo(200);
            try (SseClient third = SseClient.connect(ledger.baseUrl(), "/api/stream/milestones", "dashboard", null)) {
                assertThat(third.status).isEqualTo(429);
            }
            try (SseClient otherUser = SseClient.connect(ledger.baseUrl(), "/api/stream/milestones", "auditor", null)) {
                assertThat(otherUser.status).isEqualTo(200);
            }
            first.close();
            LedgerFixtures.eventually(Duration.ofSeconds(5), () -> {
                try (SseClient again = SseClient.connect(ledger.baseUrl(), "/api/stream/milestones", "dashboard",
                        null)) {
                    assertThat(again.status).isEqualTo(200);
                }
            });
        }
    }

    private static void assertStrictlyIncreasingIds(List<SseClient.Event> events, long after) {
        long previous = after;
        for (SseClient.Event event : events) {
            long id = Long.parseLong(event.id());
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    static void awaitVersion(RunningLedger ledger, String contractId, long version) {
        RunningLedger.Reply reply = ledger.get("buyer", "/api/contracts/" + contractId + "?minVersion=" + version);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("X-Read-Model-Caught-Up")).isEqualTo("true");
    }
}
