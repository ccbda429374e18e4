package com.contractledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes /actuator/prometheus as Prometheus would, checks every line against the text exposition format, and finds
 * the dimensional metrics the operators rely on.
 */
class MetricsIT {

    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? "
                    + "([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?$");
    private static final Pattern COMMENT = Pattern.compile("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$");

    @TempDir
    Path dataDir;

    @Test
    void the_prometheus_endpoint_exposes_command_event_projection_deadline_and_domain_metrics() throws Exception {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-m")).status()).isEqualTo(201);
            // both milestones past due when signed: reported overdue at once (backfilled)
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-m", "sup-m", day(-25), day(-22)))
                    .status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-m/signature", SIGNATURE).status()).isEqualTo(202);
            assertThat(ledger.post("buyer", "/api/contracts/ct-m/signature", SIGNATURE).status()).isEqualTo(409);
            RestartIT.awaitOverdue(ledger, "ct-m", 2);
            ledger.get("buyer", "/api/contracts/ct-m?minVersion=3");
            // a draft recorded after its expiry: its expiry deadline is due at once and fires (its milestones, ahead,
            // are closed by the expiry, never overdue)
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-m-old", "sup-m", day(10), day(20))
                    .replace("\"expiresOn\": \"" + EXPIRES_ON + "\"", "\"expiresOn\": \"" + day(-2) + "\""))
                    .status()).isEqualTo(201);
            ledger.get("buyer", "/api/contracts/ct-m-old?minVersion=1");

            Map<String, Double> samples = Map.of();
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                samples = scrape(ledger);
                if (samples.getOrDefault("ledger_milestones_overdue", 0.0) >= 2) {
                    break;
                }
                Thread.sleep(200);
            }

            assertThat(samples.get("commandBus_successCounter_total{payloadType=\"SignContractCommand\"}")).isEqualTo(1.0);
            assertThat(samples.get("commandBus_failureCounter_total{payloadType=\"SignContractCommand\"}")).isEqualTo(1.0);
            assertThat(samples.get("commandBus_successTimer_seconds_count{payloadType=\"SignContractCommand\"}"))
                    .as("one monitor on the bus's meters").isEqualTo(1.0);
            assertThat(samples.get("commandBus_capacity{payloadType=\"SignContractCommand\"}")).isNotNull();
            assertThat(samples.get("queryBus_ingestedCounter_total{payloadType=\"FindContractSummaryQuery\"}"))
                    .isGreaterThanOrEqualTo(2.0);
            assertThat(samples.get("queryBus_capacity{payloadType=\"FindContractSummaryQuery\"}")).isNotNull();
            assertThat(samples.get("eventStore_successTimer_seconds_count{payloadType=\"ContractDraftedEvent\"}"))
                    .as("events appended, by type").isEqualTo(2.0);
            assertThat(samples.get("ledger_deadlines_fired_total{deadline=\"contract-expiry\"}")).isEqualTo(1.0);
            assertThat(samples.get("ledger_contracts{status=\"ACTIVE\"}")).isEqualTo(1.0);
            assertThat(samples.get("ledger_contracts{status=\"DRAFT\"}")).isEqualTo(0.0);
            assertThat(samples.get("ledger_milestones_overdue")).isEqualTo(2.0);
            assertThat(samples.get("ledger_disputes_open")).isEqualTo(0.0);
            assertThat(samples.get("ledger_projection_lag{projection=\"contract-history\"}")).isNotNull();
            assertThat(samples.get("ledger_projection_position{projection=\"contract-summaries\"}")).isPositive();
            assertThat(samples.get("ledger_projection_replaying{projection=\"spend\"}")).isEqualTo(0.0);
            assertThat(samples.get("eventProcessor_latency{processorName=\"contract-summaries\"}")).isNotNull();
            // one set of meters per processor: a second monitor on the same meters would count each event twice
            assertThat(samples.get("eventProcessor_ingestedCounter_total{payloadType=\"ContractDraftedEvent\","
                    + "processorName=\"contract-summaries\"}")).isEqualTo(2.0);
            assertThat(samples.get("eventProcessor_successCounter_total{payloadType=\"ContractDraftedEvent\","
                    + "processorName=\"contract-summaries\"}")).isEqualTo(2.0);
            assertThat(samples.get("eventProcessor_successTimer_seconds_count{payloadType=\"ContractDraftedEvent\","
                    + "processorName=\"contract-summaries\"}")).isEqualTo(2.0);
            assertThat(samples.get("eventProcessor_capacity{processorName=\"contract-summaries\"}")).isNotNull();
            // requests are timed as a whole; Spring Security's observation of each filter of each request is off
            assertThat(samples.keySet()).anyMatch(name -> name.startsWith("http_server_requests_seconds_count{"))
                    .noneMatch(name -> name.startsWith("spring_security_"));
        }
    }

    /** Parses the exposition text; fails on any line that is not a comment, a sample or empty. */
    private static Map<String, Double> scrape(LedgerProcess ledger) {
        LedgerProcess.Reply reply = ledger.get("admin", "/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        Map<String, Double> samples = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.isEmpty() || COMMENT.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("Prometheus text line: " + line).isTrue();
            String labels = sample.group(2) == null ? "" : sample.group(2).replaceAll(",\\}$", "}");
            String value = sample.group(3);
            samples.put(sample.group(1) + labels, value.equals("NaN") ? Double.NaN
                    : value.endsWith("Inf") ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.parseDouble(value));
        }
        return samples;
    }
}
