package com.contractledger.query.webhook;

import com.contractledger.query.webhook.WebhookDelivery.Attempt;
import com.contractledger.query.webhook.WebhookDelivery.Status;
import com.contractledger.query.webhook.WebhookDestinations.RefusedDestination;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends the queued deliveries. Each endpoint is sent to by one task at a time, on the instance that holds its lease,
 * so a slow or dead receiver holds up only its own deliveries; within an endpoint, a delivery waiting for a retry holds
 * back the later events of its aggregate (in order per aggregate) but not those of other aggregates.
 */
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int ERROR_LENGTH = 300;

    private final Webhooks webhooks;
    private final WebhookDestinations destinations;
    private final WebhookSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final String instance = UUID.randomUUID().toString();
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private final HttpClient http;
    private ScheduledExecutorService poller;
    private ExecutorService senders;

    WebhookDispatcher(Webhooks webhooks, WebhookDestinations destinations, WebhookSettings settings, Clock clock,
                      MeterRegistry metrics) {
        this.webhooks = webhooks;
        this.destinations = destinations;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Gauge.builder("ledger.webhooks.queue.depth", webhooks, Webhooks::unsentCount)
                .description("deliveries not yet sent or waiting for a retry").register(metrics);
        Gauge.builder("ledger.webhooks.oldest.unsent.age", webhooks, queue -> queue.oldestUnsent()
                        .map(queued -> Duration.between(queued, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .baseUnit("seconds").description("how long the oldest unsent delivery has waited").register(metrics);
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-poller");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        poller.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        poller = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Starts a sending task for each enabled endpoint whose lease this instance gets and that has none running. */
    void poll() {
        try {
            for (WebhookEndpoint endpoint : webhooks.recent()) {
                if (endpoint.enabled() && sending.add(endpoint.id())) {
                    senders.execute(() -> {
                        try {
                            webhooks.lease(endpoint.id(), instance, clock.instant().plus(settings.lease()))
                                    .ifPresent(this::send);
                        } catch (RuntimeException e) {
                            log.warn("sending to webhook {} failed", endpoint.id(), e);
                        } finally {
                            webhooks.release(endpoint.id(), instance);
                            sending.remove(endpoint.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            log.warn("reading the webhook endpoints failed", e);
        }
    }

    /** Sends what is due, round after round, while rounds send something. */
    void send(WebhookEndpoint endpoint) {
        boolean sent = true;
        while (sent && !Thread.currentThread().isInterrupted()) {
            sent = false;
            Set<String> heldBack = new HashSet<>();
            for (WebhookDelivery delivery : webhooks.unsent(endpoint.id(), settings.batch())) {
                if (!heldBack.add(delivery.aggregateId())) {
                    continue;
                }
                Instant now = clock.instant();
                if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
                    continue;
                }
                if (webhooks.lease(endpoint.id(), instance, now.plus(settings.lease())).isEmpty()) {
                    return; // disabled meanwhile, or the lease went to another instance
                }
                Attempt attempt = attempt(endpoint, delivery, now);
                sent = true;
                if (attempt.succeeded()) {
                    webhooks.attempted(delivery, attempt, Status.SUCCEEDED, null);
                    webhooks.succeeding(endpoint.id());
                    heldBack.remove(delivery.aggregateId());
                    count(endpoint, "succeeded");
                } else if (failed(endpoint, delivery, attempt)) {
                    return;
                }
            }
        }
    }

    /** Records a failed attempt; true when the endpoint is now disabled. */
    private boolean failed(WebhookEndpoint endpoint, WebhookDelivery delivery, Attempt attempt) {
        int failures = (int) delivery.attempts().stream().filter(previous -> !previous.succeeded()).count() + 1;
        List<Duration> delays = settings.retryDelays();
        if (failures > delays.size()) {
            webhooks.attempted(delivery, attempt, Status.DEAD, null);
            count(endpoint, "dead");
        } else {
            webhooks.attempted(delivery, attempt, Status.FAILED, attempt.at().plus(jittered(delays.get(failures - 1))));
            count(endpoint, "failed");
        }
        webhooks.failing(endpoint.id(), attempt.at());
        Instant failingSince = webhooks.find(endpoint.id()).map(WebhookEndpoint::failingSince).orElse(attempt.at());
        if (!failingSince.plus(settings.disableAfter()).isAfter(attempt.at())) {
            webhooks.disable(endpoint.id(), "every delivery failed since " + failingSince);
            log.warn("webhook {} disabled: its deliveries have failed since {}", endpoint.id(), failingSince);
            return true;
        }
        return false;
    }

    private Attempt attempt(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        long started = System.nanoTime();
        try {
            URI url = destinations.check(endpoint.url());
            long timestamp = now.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", delivery.deliveryId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(endpoint.validSecrets(now),
                            delivery.deliveryId(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Attempt(now, status, elapsed(started), null);
        } catch (RefusedDestination e) {
            return new Attempt(now, null, elapsed(started), "refused: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return new Attempt(now, null, elapsed(started), "no answer within " + settings.timeout());
        } catch (IOException e) {
            return new Attempt(now, null, elapsed(started), shortened(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(now, null, elapsed(started), "interrupted: the service is stopping");
        }
    }

    private Duration jittered(Duration delay) {
        double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    private void count(WebhookEndpoint endpoint, String outcome) {
        Counter.builder("ledger.webhooks.deliveries").tag("endpoint", endpoint.id()).tag("outcome", outcome)
                .description("delivery attempts by endpoint and outcome").register(metrics).increment();
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String shortened(String error) {
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH) + "…";
    }
}
