package com.contractledger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.contractledger.app.LedgerFixtures.eventually;
import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks are delivered at least once across a crash: the application runs as a child process, sends to a slow
 * receiver, and is killed with SIGKILL while deliveries are in flight. After a restart on the same data every event
 * written before the kill reaches the receiver.
 */
class WebhooksAfterACrashIT {

    private static final Path JAR = Path.of("target", "ledger-app.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void every_event_is_delivered_after_kill_minus_nine() throws Exception {
        List<String> settings = List.of("--ledger.data-dir=" + dir.resolve("data"),
                "--ledger.webhooks.allowed-hosts=127.0.0.1", "--ledger.webhooks.poll-interval=50ms",
                "--ledger.webhooks.retry-delays=200ms,200ms,200ms,200ms,200ms");
        Set<String> written = ConcurrentHashMap.newKeySet();
        try (WebhookReceiver receiver = new WebhookReceiver(n -> slowly(200))) {
            ServiceProcess ledger = ServiceProcess.start("ledger", JAR, List.of(), Map.of(), settings, dir)
                    .awaitHealthy();
            HttpResponse<String> registered = ledger.post("admin:demo", "/api/webhooks", """
                    {"url": "%s", "eventTypes": ["SupplierOnboarded"]}""".formatted(receiver.url()));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String secret = new ObjectMapper().readTree(registered.body()).get("secret").asText();

            for (int i = 1; i <= 40; i++) {
                String supplierId = "sup-crash-wh-" + i;
                assertThat(ledger.post("buyer:demo", "/api/suppliers", supplier(supplierId)).statusCode())
                        .isEqualTo(201);
                written.add(supplierId);
            }
            eventually(Duration.ofSeconds(60), () -> assertThat(receiver.received).hasSizeGreaterThanOrEqualTo(5));
            ledger.kill();
            int beforeTheCrash = receiver.delivered(written.toArray(String[]::new)).size();
            assertThat(beforeTheCrash).as("the kill came while deliveries were in flight").isLessThan(40);

            try (ServiceProcess restarted = ServiceProcess.start("ledger-restarted", JAR, List.of(), Map.of(),
                    settings, dir).awaitHealthy()) {
                eventually(Duration.ofSeconds(90), () -> assertThat(receiver.delivered(written.toArray(String[]::new))
                        .stream().map(WebhookReceiver.Delivery::aggregateId)).containsExactlyInAnyOrderElementsOf(written));
                assertThat(receiver.received).allSatisfy(delivery ->
                        assertThat(delivery.signedWith(secret)).as(delivery.id()).isTrue());
            }
        }
    }

    /** An answer of 200 after {@code millis}: deliveries are in flight when the process is killed. */
    private static int slowly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 200;
    }
}
