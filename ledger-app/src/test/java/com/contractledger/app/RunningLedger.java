package com.contractledger.app;

import org.axonframework.eventhandling.DomainEventMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A ledger running for a test, however it is deployed: reached over HTTP at {@link #baseUrl()} as a client reaches it,
 * and its stored events read directly. Users given without a password log in with the demo password; a "user" of
 * the form {@code Bearer <token>} sends that token instead.
 */
abstract class RunningLedger implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    abstract String baseUrl();

    /** The stored events of one aggregate from its first (no snapshot). */
    abstract List<DomainEventMessage<?>> events(String aggregateId);

    /** How many events are stored, all aggregates together. */
    abstract long storedEventCount();

    @Override
    public abstract void close();

    /** Where the OpenAPI descriptions of the API are, one for each service it runs as. */
    List<String> apiDescriptions() {
        return List.of("/v3/api-docs");
    }

    List<String> eventTypes(String aggregateId) {
        return events(aggregateId).stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    Reply post(String user, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
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
        return get(user, path, Map.of());
    }

    Reply get(String user, String path, Map<String, String> headers) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET(),
                headers);
    }

    Reply head(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), Map.of());
    }

    /** GET as {@code user:password}, for tests of the credentials themselves. */
    Reply get(String user, String password, String path) {
        return send(user + ":" + password, HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET(), Map.of());
    }

    /** A request written byte for byte (ISO-8859-1), as no HTTP client library would send it; the whole answer. */
    String raw(String request) {
        try (RawHttp connection = new RawHttp(baseUrl())) {
            String answer = connection.send(request).untilClosed(java.time.Duration.ofSeconds(10));
            if (answer == null) {
                throw new IllegalStateException("no answer and the connection still open after 10 s");
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(String user, HttpRequest.Builder request, Map<String, String> headers) {
        if (user != null && user.startsWith("Bearer ")) {
            request.header("Authorization", user);
        } else if (user != null) {
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
}
