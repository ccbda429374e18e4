package com.contractledger.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The application as a separate process on the embedded default, reached over HTTP on loopback. */
final class LedgerServer implements AutoCloseable {

    record Reply(int status, String body) {
    }

    private final Process process;
    private final int port;
    private final long startupMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LedgerServer(Process process, int port, long startupMillis) {
        this.process = process;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /** How the application is started: its jar and the JVM options beyond the heap's. */
    record Launch(Path jar, List<String> jvmOptions) {
    }

    static LedgerServer start(Path jar, Path dataDir, Path log, String... extraArgs) throws Exception {
        return start(new Launch(jar, List.of()), dataDir, log, extraArgs);
    }

    static LedgerServer start(Launch launch, Path dataDir, Path log, String... extraArgs) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(launch.jvmOptions());
        String jvmArgs = System.getProperty("bench.appJvmArgs", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port,
                "--ledger.data-dir=" + dataDir.toAbsolutePath(), "--logging.level.root=WARN"));
        command.addAll(List.of(extraArgs));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LedgerServer server = new LedgerServer(process, port, 0);
        server.awaitHealthy();
        return new LedgerServer(process, port, (System.nanoTime() - started) / 1_000_000);
    }

    long startupMillis() {
        return startupMillis;
    }

    Reply post(String user, String path, String json) {
        return postWith(demoUser(user), path, json);
    }

    Reply get(String user, String path) {
        return getWith(demoUser(user), path);
    }

    /** A POST with the {@code Authorization} header given whole: other users' credentials, a bearer token. */
    Reply postWith(String authorization, String path, String json) {
        return send(authorization, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply getWith(String authorization, String path) {
        return send(authorization, HttpRequest.newBuilder(uri(path)).GET());
    }

    private static String demoUser(String user) {
        return basic(user, "demo");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Reply send(String authorization, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60)).header("Authorization", authorization);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited during start-up");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the application did not become healthy within 120 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
