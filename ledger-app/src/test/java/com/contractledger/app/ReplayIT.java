package com.contractledger.app;

import com.contractledger.query.common.ReadModelGenerations;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding a projection from the event store while the API keeps answering from the complete previous version. */
class ReplayIT {

    private static final String ADMIN = "/api/admin/projections";
    private static final int NOTES = 60;

    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    /** The application on the embedded default; {@link ReplayOnPostgresIT} starts it on PostgreSQL instead. */
    LedgerProcess start() {
        return LedgerProcess.start(dataDir);
    }

    /** The embedded store can be opened by one process only, so each processor has a single segment. */
    int segmentsPerProcessor() {
        return 1;
    }

    @Test
    void a_replayed_history_never_shrinks_for_readers_and_ends_equal_to_the_event_store() throws Exception {
        try (LedgerProcess ledger = start()) {
            ledger.post("buyer", "/api/suppliers", supplier("sup-rp"));
            for (int c = 1; c <= 5; c++) {
                ledger.post("buyer", "/api/contracts", contract("ct-rp" + c, "sup-rp"));
                ledger.post("buyer", "/api/contracts/ct-rp" + c + "/signature", SIGNATURE);
            }
            String ct = "/api/contracts/ct-rp1";
            ledger.post("buyer", ct + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
            ledger.post("buyer", ct + "/breaches", LATE_DELIVERY_BREACH);
            assertThat(ledger.post("buyer", ct + "/disputes", """
                    {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                     "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""")
                    .status()).isEqualTo(201);
            for (int n = 0; n < NOTES; n++) {
                ledger.post("buyer", ct + "/disputes/dp-1/notes", "{\"text\": \"note " + n + "\"}");
            }
            long version = 5 + NOTES; // the signature stores two events (signed, d1 overdue)
            assertThat(ledger.get("auditor", ct + "/history?minVersion=" + version).header("X-Read-Model-Caught-Up"))
                    .isEqualTo("true");
            String scorecardBefore = ledger.get("dashboard", "/api/suppliers/sup-rp/scorecard").body();

            assertThat(ledger.post("buyer", ADMIN + "/contract-history/replay", "").status()).isEqualTo(403);
            assertThat(ledger.post("auditor", ADMIN + "/contract-history/replay", "").status()).isEqualTo(403);
            assertThat(ledger.get("dashboard", ADMIN).status()).isEqualTo(403);
            LedgerProcess.Reply unknown = ledger.post("admin", ADMIN + "/no-such-projection/replay", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

            AtomicBoolean reading = new AtomicBoolean(true);
            List<String> violations = new CopyOnWriteArrayList<>();
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                int previous = (int) version + 1;
                while (reading.get()) {
                    LedgerProcess.Reply reply = ledger.get("auditor", ct + "/history");
                    try {
                        int size = reply.status() == 200 ? json.readTree(reply.body()).get("entries").size() : -1;
                        if (size < previous) {
                            violations.add("status " + reply.status() + ", " + size + " entries after " + previous);
                        }
                        previous = Math.max(previous, size);
                        sizes.add(size);
                    } catch (Exception e) {
                        violations.add(e.toString());
                    }
                }
            }, "history-reader");
            reader.start();
            Thread.sleep(100);

            LedgerProcess.Reply replay = ledger.post("admin", ADMIN + "/contract-history/replay", "");
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            assertThat(json.readTree(replay.body()).get("building").asInt()).isEqualTo(1);
            assertThat(ledger.post("admin", ADMIN + "/contract-history/replay", "").status())
                    .as("a second replay while the first runs").isEqualTo(409);
            // A write during the replay lands in the new generation and is there after the switch.
            ledger.post("buyer", ct + "/disputes/dp-1/notes", "{\"text\": \"written during the replay\"}");

            JsonNode status = awaitLive(ledger, "contract-history", 1);
            reading.set(false);
            reader.join();
            assertThat(violations).isEmpty();
            assertThat(sizes).hasSizeGreaterThan(5);
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("building").isNull()).isTrue();

            List<DomainEventMessage<?>> stored = ledger.events("ct-rp1");
            LedgerProcess.Reply history = ledger.get("auditor", ct + "/history?minVersion=" + (version + 1));
            assertThat(history.header("X-Read-Model-Caught-Up")).isEqualTo("true");
            List<String> entryIds = new ArrayList<>();
            List<String> entryTypes = new ArrayList<>();
            json.readTree(history.body()).get("entries").forEach(entry -> {
                entryIds.add(entry.get("eventId").asText());
                entryTypes.add(entry.get("type").asText() + "Event");
            });
            assertThat(entryIds)
                    .containsExactlyElementsOf(stored.stream().map(DomainEventMessage::getIdentifier).toList());
            assertThat(entryTypes).containsExactlyElementsOf(
                    stored.stream().map(e -> e.getPayloadType().getSimpleName()).toList());

            // Any projection can be rebuilt; the scorecard comes back the same.
            assertThat(ledger.post("admin", ADMIN + "/supplier-scorecards/replay", "").status()).isEqualTo(202);
            awaitLive(ledger, "supplier-scorecards", 1);
            assertThat(ledger.get("dashboard", "/api/suppliers/sup-rp/scorecard").body()).isEqualTo(scorecardBefore);

            // A finished replay can be followed by another; it retires the first generation the API served.
            assertThat(ledger.post("admin", ADMIN + "/contract-history/replay", "").status()).isEqualTo(202);
            awaitLive(ledger, "contract-history", 2);
            assertThat(json.readTree(ledger.get("auditor", ct + "/history").body()).get("entries"))
                    .hasSize(entryIds.size());

            JsonNode all = json.readTree(ledger.get("admin", ADMIN).body());
            List<String> names = new ArrayList<>();
            all.forEach(projection -> names.add(projection.get("name").asText()));
            assertThat(names).containsExactly("contract-history", "contract-summaries", "dispute-timelines",
                    "milestones", "spend", "supplier-profiles", "supplier-risk", "supplier-scorecards");
            JsonNode summaries = all.get(1);
            assertThat(summaries.get("head").asLong()).isPositive();
            assertThat(all).allSatisfy(projection ->
                    assertThat(projection.get("segments").asInt()).isEqualTo(segmentsPerProcessor()));
            assertThat(summaries.get("generation").asInt()).isZero();
            ViewConsistency.assertConsistent(ledger);
        }
    }

    /**
     * A crash after the reset handler started a new generation but before the processor's tokens were rewritten
     * leaves segments that would never replay into it; after the restart the replay starts again and the rebuilt
     * views equal the ones before.
     */
    @Test
    void a_replay_interrupted_while_its_tokens_were_reset_starts_again_after_a_restart() throws Exception {
        String spendBefore;
        String summariesBefore;
        try (LedgerProcess ledger = start()) {
            ledger.post("buyer", "/api/suppliers", supplier("sup-ir"));
            for (int c = 1; c <= 12; c++) {
                ledger.post("buyer", "/api/contracts", contract("ct-ir" + c, "sup-ir"));
                ledger.post("buyer", "/api/contracts/ct-ir" + c + "/signature", SIGNATURE);
            }
            assertThat(ledger.get("auditor", "/api/contracts/ct-ir12?minVersion=" + SIGNED_VERSION).header("X-Read-Model-Caught-Up"))
                    .isEqualTo("true");
            awaitCaughtUp(ledger);
            spendBefore = ledger.get("auditor", "/api/analytics/spend?groupBy=supplier").body();
            summariesBefore = ledger.get("auditor", "/api/contracts?size=50").body();
            assertThat(json.readTree(spendBefore).get("rows")).hasSize(1);

            // What the reset handlers record before the first token is rewritten, and no more. The processors stop
            // first, as in a crash: a running one would let this process's replay watcher finish the generation.
            ledger.bean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
            ReadModelGenerations generations = ledger.bean(ReadModelGenerations.class);
            generations.startBuilding("spend", List.of("spend_entries", "spend_contracts", "spend_suppliers"));
            generations.startBuilding("contract-summaries", List.of("contract_summaries"));
        }

        try (LedgerProcess ledger = start()) {
            // Generation 1 was abandoned half-built; the replay started again builds generation 2.
            awaitLive(ledger, "spend", 2);
            awaitLive(ledger, "contract-summaries", 2);
            assertThat(json.readTree(ledger.get("auditor", "/api/analytics/spend?groupBy=supplier").body()))
                    .isEqualTo(json.readTree(spendBefore));
            assertThat(json.readTree(ledger.get("auditor", "/api/contracts?size=50").body()))
                    .isEqualTo(json.readTree(summariesBefore));
            ViewConsistency.assertConsistent(ledger);
        }
    }

    /** Every projection rebuilt with one request, each into its next generation, reading the same afterwards. */
    @Test
    void every_projection_replays_at_once_into_its_next_generation() throws Exception {
        try (LedgerProcess ledger = start()) {
            ledger.post("buyer", "/api/suppliers", supplier("sup-all"));
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-all", "sup-all")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-all/signature", SIGNATURE).status()).isEqualTo(202);
            awaitCaughtUp(ledger);
            List<String> reads = List.of("/api/contracts/ct-all", "/api/contracts/ct-all/history",
                    "/api/suppliers/sup-all", "/api/milestones?contractId=ct-all");
            List<String> before = new ArrayList<>();
            for (String read : reads) {
                before.add(ledger.get("auditor", read).body());
            }
            assertThat(ledger.post("buyer", ADMIN + "/replay", "").status()).isEqualTo(403);

            LedgerProcess.Reply replay = ledger.post("admin", ADMIN + "/replay", "");
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            List<String> names = new ArrayList<>();
            for (JsonNode status : json.readTree(replay.body())) {
                names.add(status.get("name").asText());
                assertThat(status.get("building").asInt()).as(status.toString()).isEqualTo(1);
            }
            assertThat(names).hasSize(8).contains("contract-history", "supplier-risk");
            assertThat(ledger.post("admin", ADMIN + "/replay", "").status())
                    .as("again while they replay").isEqualTo(409);

            for (String name : names) {
                assertThat(awaitLive(ledger, name, 1).get("building").isNull()).isTrue();
            }
            for (int i = 0; i < reads.size(); i++) {
                assertThat(ledger.get("auditor", reads.get(i)).body()).as(reads.get(i)).isEqualTo(before.get(i));
            }
        }
    }

    /** Another query-side instance holding a segment of the processor makes a replay impossible here: 409, no change. */
    @Test
    void a_replay_is_refused_while_another_instance_processes_a_segment() throws Exception {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            ledger.post("buyer", "/api/suppliers", supplier("sup-cl"));
            awaitCaughtUp(ledger);
            MongoCollection<org.bson.Document> tokens = ledger.bean(MongoTemplate.class)
                    .getCollection("tracking_tokens");
            org.bson.Document segment = tokens.find(Filters.eq("processorName", "spend"))
                    .sort(new org.bson.Document("segment", -1)).first();
            assertThat(segment).isNotNull();
            tokens.updateOne(Filters.eq("_id", segment.get("_id")), Updates.combine(
                    Updates.set("owner", "query-side-2@elsewhere"),
                    Updates.set("timestamp", segment.get("timestamp") instanceof Long
                            ? System.currentTimeMillis() : new java.util.Date())));

            LedgerProcess.Reply refused = ledger.post("admin", ADMIN + "/spend/replay", "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).get("detail").asText()).contains("another query-side instance");
            JsonNode status = json.readTree(ledger.get("admin", ADMIN + "/spend").body());
            assertThat(status.get("building").isNull()).isTrue();
            assertThat(status.get("generation").asInt()).isZero();
            assertThat(ledger.get("auditor", "/api/suppliers/sup-cl").status()).isEqualTo(200);

            // all or none: replaying every projection is refused too, and none of them starts a replay
            LedgerProcess.Reply refusedAll = ledger.post("admin", ADMIN + "/replay", "");
            assertThat(refusedAll.status()).as(refusedAll.body()).isEqualTo(409);
            assertThat(json.readTree(refusedAll.body()).get("detail").asText()).contains("spend");
            for (JsonNode projection : json.readTree(ledger.get("admin", ADMIN).body())) {
                assertThat(projection.get("building").isNull()).as(projection.toString()).isTrue();
                assertThat(projection.get("generation").asInt()).as(projection.toString()).isZero();
                assertThat(projection.get("running").asBoolean()).as(projection.toString()).isTrue();
            }
            ledger.post("buyer", "/api/suppliers", supplier("sup-after"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (ledger.get("auditor", "/api/suppliers/sup-after").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ledger.get("auditor", "/api/suppliers/sup-after").status()).as("processors running").isEqualTo(200);
        }
    }

    private void awaitCaughtUp(LedgerProcess ledger) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean caughtUp = true;
            for (JsonNode status : json.readTree(ledger.get("admin", ADMIN).body())) {
                caughtUp &= status.get("lag").asLong(1) == 0;
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("projections did not catch up");
    }

    private JsonNode awaitLive(LedgerProcess ledger, String name, int generation) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode status;
        do {
            Thread.sleep(100);
            status = json.readTree(ledger.get("admin", ADMIN + "/" + name).body());
        } while (status.get("generation").asInt() < generation && System.nanoTime() < deadline);
        assertThat(status.get("generation").asInt()).as(status.toString()).isEqualTo(generation);
        return status;
    }
}
