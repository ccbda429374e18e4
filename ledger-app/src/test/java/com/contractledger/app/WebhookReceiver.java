package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on loopback for the tests: records every request it gets and answers the status {@code answer}
 * gives for the n-th one. Signatures are checked by its own reading of the Standard Webhooks specification.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger count = new AtomicInteger();

    /** What a delivery carried, and the status the receiver answered. */
    record Delivery(String id, long timestamp, List<String> signatures, String raw, JsonNode body, int status) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        String aggregateId() {
            return body.at("/data/aggregateId").asText();
        }

        /** The signature check of the specification: v1, then base64 HMAC-SHA256 of id.timestamp.body. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")),
                        "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + raw).getBytes(StandardCharsets.UTF_8)));
                return signatures.contains(expected);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    WebhookReceiver(IntUnaryOperator answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.applyAsInt(count.incrementAndGet());
            var headers = exchange.getRequestHeaders();
            received.add(new Delivery(headers.getFirst("webhook-id"),
                    Long.parseLong(headers.getFirst("webhook-timestamp")),
                    List.of(headers.getFirst("webhook-signature").split(" ")), raw, JSON.readTree(raw), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The first successful delivery of each event about these aggregates, in the order they arrived. */
    List<Delivery> delivered(String... aggregateIds) {
        List<String> ids = List.of(aggregateIds);
        Set<String> seen = new HashSet<>();
        return received.stream().filter(Delivery::succeeded).filter(d -> ids.contains(d.aggregateId()))
                .filter(d -> seen.add(d.id())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
