package com.contractledger.query.webhook;

import com.contractledger.query.support.InMemoryMongo;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Two query-side instances on one MongoDB: an endpoint is sent to by one of them at a time, each event once. */
class WebhookDispatcherTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final List<WebhookDispatcher> dispatchers = new ArrayList<>();
    private HttpServer receiver;

    @AfterEach
    void stop() {
        dispatchers.forEach(WebhookDispatcher::stop);
        if (receiver != null) {
            receiver.stop(0);
        }
        mongo.close();
    }

    @Test
    void two_instances_never_send_to_one_endpoint_at_once_and_send_each_event_once_in_order() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<String> arrived = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.createContext("/hooks", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            arrived.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        Webhooks first = new Webhooks(mongo.template(), Clock.systemUTC());
        WebhookEndpoint endpoint = first.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                List.of("*"), "shared");
        List<WebhookDelivery> queued = new ArrayList<>();
        Instant queuedAt = Instant.now();
        for (int sequence = 0; sequence < 10; sequence++) {
            for (String aggregate : List.of("ct-a", "ct-b", "ct-c")) {
                String eventId = aggregate + "-" + sequence;
                queued.add(new WebhookDelivery(WebhookDelivery.id(endpoint.id(), eventId), endpoint.id(), eventId,
                        "ContractAmended", aggregate, sequence, queuedAt.plusMillis(sequence), "{}",
                        WebhookDelivery.Status.PENDING, List.of(), null, null));
            }
        }
        first.queue(queued);
        first.queue(queued.subList(0, 5)); // processed again after a crash: nothing new

        for (int instance = 0; instance < 2; instance++) {
            WebhookDispatcher dispatcher = new WebhookDispatcher(new Webhooks(mongo.template(), Clock.systemUTC()),
                    new WebhookDestinations(List.of("127.0.0.1")), settings(), Clock.systemUTC(),
                    new SimpleMeterRegistry());
            dispatchers.add(dispatcher);
            dispatcher.start();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (arrived.size() < 30 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(arrived).hasSize(30).doesNotHaveDuplicates();
        assertThat(mostInFlight.get()).isEqualTo(1);
        Map<String, List<String>> perAggregate = arrived.stream()
                .collect(Collectors.groupingBy(id -> id.substring(0, 4)));
        perAggregate.forEach((aggregate, ids) -> assertThat(ids).as(aggregate).isSortedAccordingTo(
                (a, b) -> Integer.compare(Integer.parseInt(a.substring(5)), Integer.parseInt(b.substring(5)))));
        assertThat(first.deliveries(endpoint.id(), WebhookDelivery.Status.SUCCEEDED, 0, 100)).hasSize(30);
    }

    private static WebhookSettings settings() {
        return new WebhookSettings(List.of("127.0.0.1"), List.of(Duration.ofMillis(50)), Duration.ofHours(1),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofSeconds(30), 4, 100);
    }
}
