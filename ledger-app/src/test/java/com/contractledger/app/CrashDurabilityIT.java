package com.contractledger.app;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answered 2xx is durable: the application runs as a real child process, four clients write, and the process is
 * killed with SIGKILL the moment the 40th answer arrives. After a restart every acknowledged write is stored, once.
 */
class CrashDurabilityIT {

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_write_survives_kill_minus_nine() throws Exception {
        int port = freePort();
        Process child = startChild(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            awaitHealthy(port, child);
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            HttpClient http = HttpClient.newHttpClient();
            for (int client = 0; client < 4; client++) {
                clients.submit(() -> {
                    while (child.isAlive()) {
                        String id = "sup-crash-" + next.incrementAndGet();
                        try {
                            HttpResponse<String> response = http.send(onboard(port, id),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.add(id);
                                if (acknowledged.size() == 40) {
                                    child.destroyForcibly();
                                }
                            }
                        } catch (IOException | InterruptedException connectionLost) {
                            return;
                        }
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            for (String id : acknowledged) {
                assertThat(ledger.eventTypes(id)).as(id).containsExactly("SupplierOnboardedEvent");
            }
            Long distinct = ledger.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(DISTINCT aggregateIdentifier) FROM DomainEventEntry", Long.class);
            assertThat(ledger.storedEventCount()).as("nothing stored twice").isEqualTo(distinct);
            ViewConsistency.assertConsistent(ledger);
        }
    }

    private Process startChild(int port) throws IOException {
        Path jar = Path.of("target", "ledger-app.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--ledger.data-dir=" + dataDir.toAbsolutePath()));
        Path log = Files.createTempFile(dataDir.getParent(), "crash-child", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(int port, Process child) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the child application did not become healthy");
    }

    private static HttpRequest onboard(int port, String supplierId) {
        String body = """
                {"supplierId": "%s", "legalName": "Crash Test Supplier", "registrationNumber": "R-1", "scale": "SMALL"}"""
                .formatted(supplierId);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/suppliers"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("buyer:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
