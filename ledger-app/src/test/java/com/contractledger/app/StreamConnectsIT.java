package com.contractledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-process ledger from its jar, as an operator runs it: many streams connecting at once all get their first
 * event and none fails inside the server, and a stop with streams open does not wait out the shutdown grace period.
 */
class StreamConnectsIT {

    private static final int STREAMS = 200;
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void streams_connecting_at_once_are_all_served_and_a_stop_completes_them_without_waiting_out_the_grace_period()
            throws Exception {
        Path jar = Path.of("target", "ledger-app.jar").toAbsolutePath();
        ServiceProcess ledger = ServiceProcess.start("ledger", jar, List.of(),
                Map.of("LEDGER_DATA_DIR", dir.resolve("data").toString()),
                List.of("--ledger.stream.max-per-user=" + STREAMS, "--server.tomcat.threads.max=50",
                        "--spring.lifecycle.timeout-per-shutdown-phase=" + GRACE_PERIOD.toSeconds() + "s"), dir);
        List<RawHttp> streams = new ArrayList<>();
        ExecutorService connecting = Executors.newFixedThreadPool(50);
        try {
            ledger.awaitHealthy();
            List<Future<String>> subscribed = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                RawHttp stream = new RawHttp(ledger.baseUrl());
                streams.add(stream);
                subscribed.add(connecting.submit(() -> stream.send("GET /api/stream/contracts HTTP/1.1\r\n"
                        + "Host: ledger\r\nAccept: text/event-stream\r\nAuthorization: Basic ZGFzaGJvYXJkOmRlbW8=\r\n\r\n")
                        .until(":subscribed", Duration.ofSeconds(30))));
            }
            int served = 0;
            for (Future<String> stream : subscribed) {
                String response = stream.get();
                if (response != null && response.startsWith("HTTP/1.1 200")) {
                    served++;
                }
            }
            assertThat(served).as("streams served").isEqualTo(STREAMS);
            assertThat(ledger.log()).doesNotContain("NullPointerException", "Failed to send");

            assertThat(ledger.stopWithin(GRACE_PERIOD.dividedBy(2)))
                    .as("stopped with %d streams open, within half the grace period", STREAMS).isTrue();
            assertThat(ledger.log()).doesNotContain("Graceful shutdown aborted");
        } finally {
            connecting.shutdownNow();
            for (RawHttp stream : streams) {
                stream.close();
            }
            ledger.close();
        }
    }
}
