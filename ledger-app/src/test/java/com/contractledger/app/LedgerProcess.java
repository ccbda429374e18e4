package com.contractledger.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The whole application started on the embedded default in a data directory of the test's, reached over HTTP like a
 * client reaches it. Stop and start again on the same directory to test a restart.
 */
final class LedgerProcess implements AutoCloseable {

    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    private LedgerProcess(Path dataDir, ConfigurableApplicationContext context) {
        this.dataDir = dataDir;
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static LedgerProcess start(Path dataDir, String... extraArgs) {
        String[] args = new String[2 + extraArgs.length];
        args[0] = "--server.port=0";
        args[1] = "--ledger.data-dir=" + dataDir.toAbsolutePath();
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        return new LedgerProcess(dataDir, new SpringApplicationBuilder(ContractLedgerApplication.class).run(args));
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply post(String user, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return send(user, request, headers);
    }

    Reply post(String user, String path, String json) {
        return post(user, path, json, Map.of());
    }

    Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET(),
                Map.of());
    }

    Reply head(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), Map.of());
    }

    /** GET as {@code user:password}, for tests of the credentials themselves. */
    Reply get(String user, String password, String path) {
        return send(user + ":" + password, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).GET(), Map.of());
    }

    private Reply send(String user, HttpRequest.Builder request, Map<String, String> headers) {
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":demo";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored events of one aggregate from its first, read through Axon's storage engine (no snapshot). */
    List<DomainEventMessage<?>> events(String aggregateId) {
        return context.getBean(EventStorageEngine.class).readEvents(aggregateId, 0).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    List<String> eventTypes(String aggregateId) {
        return events(aggregateId).stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    long storedEventCount() {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Path dataDir() {
        return dataDir;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Opens the stopped application's event database directly, as an operator (or an attacker) could. */
    static Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ledger"), "sa", "");
    }

    @Override
    public void close() {
        context.close();
    }
}
