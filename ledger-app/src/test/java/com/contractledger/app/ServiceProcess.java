package com.contractledger.app;

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
import java.util.Map;

/**
 * One of the two services started from its executable jar as a child process on a port of its own, with extra jars
 * (a JDBC driver) on the class path of Spring Boot's launcher and its configuration given as the environment and
 * arguments an operator would give it. Credentials are {@code user:password} for HTTP Basic, or {@code Bearer <token>}.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServiceProcess start(String name, Path jar, List<Path> extraClassPath, Map<String, String> environment,
                                List<String> arguments, Path logDir) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor (mvn verify) first");
        }
        int port = freePort();
        // Spring Boot's PropertiesLauncher puts loader.path beside the jar's own libraries, in the application's class
        // loader, so that added classes can use them (on the JVM's class path they could not see Axon or Spring).
        String loaderPath = String.join(",", extraClassPath.stream().map(Path::toString).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dloader.path=" + loaderPath, "-cp", jar.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(arguments);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(name, builder.start(), log, port);
    }

    /** Waits (bounded) until {@code /actuator/health} answers 200, failing early if the process dies. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    ServiceProcess awaitHealthy() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (get(null, "/actuator/health").statusCode() == 200) {
                    return this;
                }
            } catch (IllegalStateException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not become healthy; its log ends with:\n" + logTail());
    }

    HttpResponse<String> get(String credentials, String path) {
        return send(credentials, HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String credentials, String path, String json) {
        return send(credentials, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    int port() {
        return port;
    }

    /** Where the front reaches this service: {@code 127.0.0.1:port}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(String credentials, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (credentials != null && credentials.startsWith("Bearer ")) {
            request.header("Authorization", credentials);
        } else if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Everything the process has logged. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Asks the process to stop, as an operator's SIGTERM does; whether it has exited within {@code wait}. */
    boolean stopWithin(Duration wait) throws InterruptedException {
        process.destroy();
        return process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Kills the process at once, as SIGKILL or a power cut would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
