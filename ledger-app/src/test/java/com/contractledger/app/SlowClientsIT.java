package com.contractledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send slowly, over raw sockets, against a ledger with 8 worker threads, room for 3 bodies at once and
 * time-outs of 1 s: more slow uploaders than threads neither starve health nor go unanswered, and a client that stalls
 * loses its connection.
 */
class SlowClientsIT {

    private static final int THREADS = 8;
    private static final int UPLOADS = 3;
    private static final int SLOW_CLIENTS = THREADS + 4;

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    private final List<RawHttp> connections = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir, "--server.tomcat.threads.max=" + THREADS,
                "--server.tomcat.threads.min-spare=" + THREADS, "--ledger.http.max-concurrent-uploads=" + UPLOADS,
                "--server.tomcat.connection-timeout=1s", "--ledger.http.upload-timeout=1s");
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @AfterEach
    void closeConnections() throws IOException {
        trickle.shutdownNow();
        readers.shutdownNow();
        for (RawHttp connection : connections) {
            connection.close();
        }
    }

    @Test
    void more_slow_uploaders_than_threads_are_refused_beyond_the_cap_while_health_answers() throws Exception {
        CompletionService<String> answers = slowUploaders(RawHttp.BUYER);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS - UPLOADS; i++) {
            Future<String> answer = answers.poll(30, TimeUnit.SECONDS);
            assertThat(answer).as("uploaders beyond the cap answered at once").isNotNull();
            refused.add(answer.get());
        }
        assertThat(refused).allSatisfy(response -> {
            assertThat(response).startsWith("HTTP/1.1 503");
            assertThat(RawHttp.header(response, "Content-Type")).startsWith("application/problem+json");
            assertThat(RawHttp.header(response, "Retry-After")).isNotBlank();
        });
        assertThat(ledger.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(ledger.get("buyer", "/api/contracts").status()).isEqualTo(200);
    }

    @Test
    void anonymous_slow_bodies_are_refused_without_being_read() throws Exception {
        CompletionService<String> answers = slowUploaders("");
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Future<String> answer = answers.poll(30, TimeUnit.SECONDS);
            assertThat(answer).as("every anonymous uploader answered and its connection closed").isNotNull();
            assertThat(answer.get()).startsWith("HTTP/1.1 401");
            assertThat(RawHttp.header(answer.get(), "Content-Type")).startsWith("application/problem+json");
        }
        assertThat(ledger.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void a_stalled_request_line_and_headers_lose_the_connection() throws Exception {
        try (RawHttp stalled = new RawHttp(ledger.baseUrl())) {
            String response = stalled.send("GET /actuator/health HTTP/1.1\r\nHost: led").untilClosed(
                    Duration.ofSeconds(20));
            assertThat(response).as("closed by the server, long before 20 s").isNotNull();
        }
    }

    @Test
    void a_stalled_body_ends_its_request_with_a_408_problem() throws Exception {
        try (RawHttp stalled = new RawHttp(ledger.baseUrl())) {
            String response = stalled.send("POST /api/suppliers HTTP/1.1\r\nHost: ledger\r\n" + RawHttp.BUYER
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"supplierId\":")
                    .untilClosed(Duration.ofSeconds(20));
            assertThat(response).as("answered and closed by the server, long before 20 s").isNotNull();
            assertThat(MalformedRequestsIT.isProblem(response)).as(response).isTrue();
            assertThat(response).startsWith("HTTP/1.1 408");
        }
        assertThat(ledger.storedEventCount()).isZero();
    }

    /**
     * {@link #SLOW_CLIENTS} POSTs declaring a 100 000-byte body and sending a byte of it every 200 ms; each answer
     * completes once the server has answered and closed the connection.
     */
    private CompletionService<String> slowUploaders(String credentials) throws IOException {
        CompletionService<String> answers = new ExecutorCompletionService<>(readers);
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            RawHttp connection = new RawHttp(ledger.baseUrl()).send("POST /api/suppliers HTTP/1.1\r\nHost: ledger\r\n"
                    + credentials + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
            connections.add(connection);
            answers.submit(() -> connection.untilClosed(Duration.ofSeconds(60)));
        }
        trickle.scheduleAtFixedRate(() -> connections.forEach(connection -> {
            try {
                connection.send(" ");
            } catch (IOException closed) {
                // answered and closed by the server
            }
        }), 200, 200, TimeUnit.MILLISECONDS);
        return answers;
    }
}
