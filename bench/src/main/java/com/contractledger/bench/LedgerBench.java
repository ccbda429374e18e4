package com.contractledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's benchmark: builds a realistic data set on the embedded default and measures, in one run, the limits of
 * the event store and what the application achieves against them. Sizes are system properties ({@code -Dbench.*}).
 * Prints a table and writes {@code bench-result.json}.
 */
public final class LedgerBench {

    private final Path root;
    private final Path work;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private LedgerBench(Path root) {
        this.root = root;
        this.work = root.resolve("bench").resolve("target").resolve("bench-work");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("ledger-app").resolve("target").resolve("ledger-app.jar"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("ledger-app/target/ledger-app.jar not found: run mvn -DskipTests install first");
        }
        new LedgerBench(root).run();
    }

    private static int size(String name, int defaultValue) {
        return Integer.getInteger("bench." + name, defaultValue);
    }

    private void run() throws Exception {
        long benchStarted = System.nanoTime();
        deleteRecursively(work);
        Files.createDirectories(work);
        Path schema = root.resolve("command-side/src/main/resources/schema/h2.sql");
        Path jar = root.resolve("ledger-app/target/ledger-app.jar");
        if ("sign-in".equals(System.getProperty("bench.only"))) {
            new SignInBench(jar, work).run(this::figure, this::target);
            report();
            return;
        }
        if ("write-visible".equals(System.getProperty("bench.only"))) {
            Progress.phase("application", "starting on an empty store");
            try (LedgerServer server = LedgerServer.start(jar, work.resolve("ledger"), work.resolve("ledger.log"))) {
                expect(server.post("buyer", "/api/suppliers", Workload.supplier("sup-0", 0)), 201);
                expect(server.post("buyer", "/api/suppliers/sup-0/credit-assessments", Workload.GOOD_CREDIT), 201);
                writeVisibility(server);
            }
            report();
            return;
        }

        int rawEvents = size("rawEvents", 20_000);
        double rawAppend1;
        double rawAppend16;
        Progress.phase("raw event store", "appending " + rawEvents + " events with 1 and 16 writers");
        try (RawEventStore raw = RawEventStore.open(work.resolve("raw"), schema)) {
            raw.appendRate(Math.min(2_000, rawEvents), 4); // warm-up
            rawAppend1 = raw.appendRate(rawEvents / 2, 1);
            rawAppend16 = raw.appendRate(rawEvents, 16);
        }
        figure("raw append, 1 writer", rawAppend1, "events/s", "rawAppendPerSecond1Writer");
        figure("raw append, 16 writers", rawAppend16, "events/s", "rawAppendPerSecond16Writers");

        Path data = work.resolve("ledger");
        Latencies serial = new Latencies();
        Latencies concurrent = new Latencies();
        Progress.phase("application", "starting on an empty store");
        try (LedgerServer server = LedgerServer.start(jar, data, work.resolve("ledger.log"))) {
            figure("start-up to healthy (empty store)", server.startupMillis(), "ms", "startupMillisEmpty");
            int suppliers = size("suppliers", 20);
            Progress.phase("commands", "suppliers, then contracts with 1 client, then with 16");
            for (int i = 0; i < suppliers; i++) {
                expect(server.post("buyer", "/api/suppliers", Workload.supplier("sup-" + i, i)), 201);
                expect(server.post("buyer", "/api/suppliers/sup-" + i + "/credit-assessments", Workload.GOOD_CREDIT), 201);
            }
            double rate1 = contracts(server, "c1-", size("contractsSerial", 30), 1, suppliers, serial);
            double rate16 = contracts(server, "c16-", size("contractsConcurrent", 200), 16, suppliers, concurrent);
            figure("commands over HTTP, 1 client", rate1, "commands/s", "commandsPerSecond1Client");
            figure("  latency p50 / p99, 1 client", serial.p50(), serial.p99(), "commandLatency1Client");
            figure("commands over HTTP, 16 clients", rate16, "commands/s", "commandsPerSecond16Clients");
            figure("  latency p50 / p99, 16 clients", concurrent.p50(), concurrent.p99(), "commandLatency16Clients");
            target("command rate (16 clients) / raw append (16 writers)", rate16 / rawAppend16, 0.2, true);

            Progress.phase("long contract", "building a " + size("longEvents", 10_000) + "-event contract, then sampling");
            longContractLatency(server, suppliers);
            Progress.phase("history", "building a " + size("historyEvents", 1_000) + "-event contract, then sampling");
            historyLatency(server);
            writeVisibility(server);
            JsonNode heap = json.readTree(server.get("admin", "/actuator/metrics/jvm.memory.used?tag=area:heap").body());
            figure("heap used after the run", heap.path("measurements").path(0).path("value").asDouble() / 1_048_576,
                    "MiB", "heapUsedMiB");
        }

        Progress.phase("raw event store", "reading every stored event from position 0, then three times more");
        double rawReadCompiled = 0;
        try (RawEventStore raw = RawEventStore.open(data, schema)) {
            RawEventStore.ReadResult read = raw.readAll();
            figure("raw sequential read from position 0 (" + read.events() + " events)", read.perSecond(), "events/s",
                    "rawReadPerSecond");
            figures.put("storedEvents", read.events());
            for (int pass = 0; pass < 3; pass++) {
                rawReadCompiled = Math.max(rawReadCompiled, raw.readAll().perSecond());
            }
            figure("  the same, its code compiled (best of 3 more)", rawReadCompiled, "events/s",
                    "rawReadCompiledPerSecond");
        }
        double rawRead = (double) figures.get("rawReadPerSecond");
        double rawViews = rawReadModelStore(data, ((Number) figures.get("storedEvents")).longValue());
        // The baseline starts from the same event store with no read models and no tokens, as a new Axon
        // application would, and builds every projection from the first event.
        Path baselineData = work.resolve("ledger-baseline");
        Files.createDirectories(baselineData);
        Files.copy(data.resolve("ledger.mv.db"), baselineData.resolve("ledger.mv.db"));
        double rebuildAll;
        double rebuildAllAgain;
        List<String> projectionNames = new ArrayList<>();
        Progress.phase("start-up", "unpacking the jar and training its class-data sharing archive");
        LedgerServer.Launch shipped = ClassDataSharing.prepare(jar, work.resolve("cds"));
        Progress.phase("start-up", "starting on the populated store as docker/Dockerfile does");
        try (LedgerServer server = LedgerServer.start(shipped, data, work.resolve("ledger-cds.log"))) {
            figure("start-up to healthy (populated store, class-data sharing)", server.startupMillis(), "ms",
                    "startupMillisPopulatedShared");
            target("start-up (populated store, as shipped) <= 5 s", server.startupMillis() / 1000.0, 5.0, false);
        }
        Progress.phase("rebuilds", "restarting on the populated store");
        try (LedgerServer server = LedgerServer.start(jar, data, work.resolve("ledger-restart.log"))) {
            figure("start-up to healthy (populated store, java -jar)", server.startupMillis(), "ms",
                    "startupMillisPopulated");
            List<String> projections = projections(server);
            projectionNames.addAll(projections);
            Progress.phase("rebuilds", "replaying all " + projections.size() + " projections at once");
            rebuildAll = rebuild(server, projections);
            figure("rebuild of all " + projections.size() + " projections at once", rebuildAll, "events/s",
                    "rebuildAllPerSecond");
            Map<String, Object> alone = new LinkedHashMap<>();
            for (String projection : projections) {
                Progress.phase("rebuilds", "replaying " + projection + " alone");
                double rate = rebuild(server, List.of(projection));
                alone.put(projection, round(rate));
                table.add(new String[]{"  rebuild of " + projection + " alone", String.format("%,.1f events/s", rate)});
            }
            figures.put("rebuildAlonePerSecond", alone);
            // The first rebuild after a start pays for compiling the handlers' code; this one shows the rate without it.
            Progress.phase("rebuilds", "replaying all " + projections.size() + " projections at once again");
            rebuildAllAgain = rebuild(server, projections);
            figure("  the same again, the application's code compiled", rebuildAllAgain, "events/s",
                    "rebuildAllAgainPerSecond");
        }
        target("rebuild of every projection / raw read", rebuildAll / rawRead, 0.25, true);
        target("the same, both with their code compiled", rebuildAllAgain / rawReadCompiled, 0.25, true);
        // the raw read-model store is measured after a pass of its own
        target("rebuild of every projection / raw read-model store", rebuildAll / rawViews, 0.5, true);
        target("the same, the rebuild's code compiled", rebuildAllAgain / rawViews, 0.5, true);

        // Axon's defaults where the application changes them: each processor reads the event store itself, Axon
        // times each event handler besides its unit of work, and Axon's own monitors meter the processors.
        List<String> outOfTheBox = new ArrayList<>(List.of("--ledger.aggregate-cache=false",
                "--ledger.snapshot-threshold=1000000000", "--axon.timeout.handler.events.timeout-ms=30000",
                "--axon.timeout.handler.events.warning-threshold-ms=10000",
                "--axon.metrics.micrometer.dimensional=false"));
        for (String projection : projectionNames) {
            outOfTheBox.add("--axon.eventhandling.processors." + projection + ".mode=tracking");
            outOfTheBox.add("--axon.eventhandling.processors." + projection + ".batch-size=1");
            outOfTheBox.add("--axon.eventhandling.processors." + projection + ".source=eventBus");
        }
        Progress.phase("baseline", "out-of-the-box Axon building every projection from an empty read store");
        try (LedgerServer server = LedgerServer.start(jar, baselineData, work.resolve("ledger-baseline.log"),
                outOfTheBox.toArray(String[]::new))) {
            double baseline = catchUp(server);
            figure("out-of-the-box Axon: rebuild of all (tracking, batch 1, no cache/snapshots)", baseline,
                    "events/s", "baselineRebuildAllPerSecond");
            target("rebuild of every projection / out-of-the-box baseline", rebuildAll / baseline, 10.0, true);
            Progress.phase("baseline", "out-of-the-box Axon replaying every projection, its code compiled");
            double baselineAgain = rebuild(server, projectionNames);
            figure("  the same through the replay endpoint, its code compiled", baselineAgain, "events/s",
                    "baselineRebuildAllAgainPerSecond");
            target("the same, both with their code compiled", rebuildAllAgain / baselineAgain, 10.0, true);
        }
        new SignInBench(jar, work).run(this::figure, this::target);
        figures.put("benchSeconds", (System.nanoTime() - benchStarted) / 1e9);
        Progress.phase("done", "reporting");
        report();
    }

    private double contracts(LedgerServer server, String prefix, int count, int clients, int suppliers,
                             Latencies latencies) throws Exception {
        AtomicInteger commands = new AtomicInteger();
        long started = System.nanoTime();
        Workers.run(clients, count, (client, i) -> {
            String contractId = prefix + i;
            String supplierId = "sup-" + (i % suppliers);
            timed(latencies, () -> expect(server.post("buyer", "/api/contracts",
                    Workload.contract(contractId, supplierId)), 201));
            commands.incrementAndGet();
            for (String[] step : Workload.lifeAfterDraft()) {
                timed(latencies, () -> expectSuccess(server.post("buyer", "/api/contracts/" + contractId + step[0], step[1])));
                commands.incrementAndGet();
            }
        });
        return commands.get() / ((System.nanoTime() - started) / 1e9);
    }

    private void longContractLatency(LedgerServer server, int suppliers) throws Exception {
        int events = size("longEvents", 10_000);
        String longId = openDisputeContract(server, "long-1", suppliers);
        int notes = events - 4; // drafted, signed, d1 overdue (backfilled at signing), dispute opened
        parallel(4, notes, i -> expectSuccess(server.post("buyer", "/api/contracts/" + longId + "/disputes/dp-long/notes",
                Workload.note(i))));
        int samples = size("samples", 200);
        Latencies onLong = new Latencies();
        Latencies onNew = new Latencies();
        for (int i = 0; i < samples; i++) {
            String fresh = openDisputeContract(server, "fresh-" + i, suppliers);
            int index = i;
            timed(onNew, () -> expectSuccess(server.post("buyer", "/api/contracts/" + fresh + "/disputes/dp-long/notes",
                    Workload.note(index))));
            timed(onLong, () -> expectSuccess(server.post("buyer", "/api/contracts/" + longId + "/disputes/dp-long/notes",
                    Workload.note(index))));
        }
        figure("command on a " + events + "-event contract, p50 / p99", onLong.p50(), onLong.p99(), "longContractLatency");
        figure("command on a new contract, p50 / p99", onNew.p50(), onNew.p99(), "newContractLatency");
        target("long-contract / new-contract command latency (p50)", onLong.p50() / onNew.p50(), 1.2, false);
    }

    private void historyLatency(LedgerServer server) throws Exception {
        int events = size("historyEvents", 1_000);
        String contractId = openDisputeContract(server, "history-1", 1);
        parallel(4, events - 3, i -> expectSuccess(server.post("buyer",
                "/api/contracts/" + contractId + "/disputes/dp-long/notes", Workload.note(i))));
        expect(server.get("auditor", "/api/contracts/" + contractId + "/history?minVersion=" + (events - 1)), 200);
        Latencies catchingUp = historyReads(server, contractId);
        awaitCaughtUp(server);
        Latencies idle = historyReads(server, contractId);
        figure("history of a " + events + "-event contract, p50 / p99", idle.p50(), idle.p99(), "historyLatency");
        figure("  the same while the other projections catch up, p50 / p99", catchingUp.p50(), catchingUp.p99(),
                "historyLatencyCatchingUp");
        target("history p99 at " + events + " events <= 20 ms", idle.p99(), 20.0, false);
    }

    private Latencies historyReads(LedgerServer server, String contractId) throws Exception {
        Latencies history = new Latencies();
        for (int i = 0; i < size("samples", 200); i++) {
            timed(history, () -> expect(server.get("auditor", "/api/contracts/" + contractId + "/history"), 200));
        }
        return history;
    }

    /** Write → visible with 1 and 16 clients, each with polling and with the waiting read, once the read side is idle. */
    private void writeVisibility(LedgerServer server) throws Exception {
        Progress.phase("write -> visible", "waiting until the projections have caught up");
        awaitCaughtUp(server);
        WriteVisibility visibility = new WriteVisibility(server);
        int samples = size("samples", 200);
        for (int clients : new int[]{1, 16}) {
            List<String> contractIds = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                contractIds.add(openDisputeContract(server, "visible-" + clients + "-" + client, 1));
            }
            for (WriteVisibility.Reader reader : WriteVisibility.Reader.values()) {
                boolean polling = reader == WriteVisibility.Reader.POLLING;
                String how = polling ? "polling every 5 ms" : "waiting read (minVersion)";
                Progress.phase("write -> visible", samples + " writes, " + clients + " client(s), " + how);
                Latencies latencies = visibility.measure(contractIds, samples, reader);
                figure("write -> visible, " + clients + " client(s), " + how + ", p50 / p99", latencies.p50(),
                        latencies.p99(), "writeVisible" + clients + (polling ? "ClientsPolling" : "ClientsWaitingRead"));
                if (clients == 1 && polling) {
                    target("write -> visible p50 (1 client, polling) <= 20 ms", latencies.p50(), 20.0, false);
                    target("write -> visible p99 (1 client, polling) <= 50 ms", latencies.p99(), 50.0, false);
                }
            }
        }
    }

    /**
     * The raw read-model store's upsert rate for the documents the application's projections stored, as events/s:
     * a rebuild writes each stored document at least once, so documents stored per event stored is the fewest
     * documents a rebuild writes per event.
     */
    private double rawReadModelStore(Path data, long storedEvents) throws Exception {
        Progress.phase("raw read-model store", "reading the stopped application's read models");
        List<RawReadModelStore.Collection> views = RawReadModelStore.readViews(data.resolve("readmodels.mv"),
                work.resolve("readmodels-copy.mv"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        views.forEach(view -> counts.put(view.name(), view.documents().size()));
        long documents = counts.values().stream().mapToLong(Integer::longValue).sum();
        figures.put("readModelDocuments", counts);
        int bulk = size("bulkSize", 100);
        Path file = work.resolve("raw-readmodels.mv");
        Progress.phase("raw read-model store", "upserting " + documents + " documents in bulks of " + bulk
                + ": warm-up, 1 writer, one writer per collection");
        RawReadModelStore.upsertRate(file, views, bulk, views.size());
        double oneWriter = RawReadModelStore.upsertRate(file, views, bulk, 1);
        double perCollection = RawReadModelStore.upsertRate(file, views, bulk, views.size());
        double documentsPerEvent = documents / (double) storedEvents;
        figure("raw read-model store: " + documents + " documents upserted, 1 writer", oneWriter, "documents/s",
                "rawReadModelStoreDocumentsPerSecond1Writer");
        figure("raw read-model store: the same, one writer per collection (" + views.size() + ")", perCollection,
                "documents/s", "rawReadModelStoreDocumentsPerSecond");
        figure(String.format("  as events (%.2f documents stored per event stored)", documentsPerEvent),
                perCollection / documentsPerEvent, "events/s", "rawReadModelStoreEventsPerSecond");
        return perCollection / documentsPerEvent;
    }

    private void awaitCaughtUp(LedgerServer server) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        while (!caughtUp(json.readTree(expect(server.get("admin", "/api/admin/projections"), 200).body()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projections did not catch up within 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    /** Whether every projection has handled every stored event. */
    private static boolean caughtUp(JsonNode statuses) {
        for (JsonNode status : statuses) {
            if (status.path("minPosition").asLong(0) < status.path("head").asLong()) {
                return false;
            }
        }
        return true;
    }


    private List<String> projections(LedgerServer server) throws Exception {
        List<String> names = new ArrayList<>();
        json.readTree(expect(server.get("admin", "/api/admin/projections"), 200).body())
                .forEach(status -> names.add(status.get("name").asText()));
        return names;
    }

    /**
     * Replays the projections at once (every one with one request when all are asked for) and waits until each has
     * switched to its rebuilt generation; events/s.
     */
    private double rebuild(LedgerServer server, List<String> names) throws Exception {
        Map<String, Integer> generationBefore = new LinkedHashMap<>();
        long head = 0;
        for (JsonNode status : json.readTree(expect(server.get("admin", "/api/admin/projections"), 200).body())) {
            generationBefore.put(status.get("name").asText(), status.get("generation").asInt());
            head = Math.max(head, status.path("head").asLong());
        }
        long started = System.nanoTime();
        if (names.containsAll(generationBefore.keySet())) {
            expect(server.post("admin", "/api/admin/projections/replay", ""), 202);
        } else {
            for (String name : names) {
                expect(server.post("admin", "/api/admin/projections/" + name + "/replay", ""), 202);
            }
        }
        long deadline = started + java.time.Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (JsonNode status : json.readTree(server.get("admin", "/api/admin/projections").body())) {
                String name = status.get("name").asText();
                if (names.contains(name) && (!status.path("building").isNull()
                        || status.get("generation").asInt() <= generationBefore.get(name))) {
                    done = false;
                }
            }
            if (done) {
                return head / ((System.nanoTime() - started) / 1e9);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("replay of " + names + " did not finish within 10 minutes");
    }

    /**
     * Waits until every projection has handled every stored event; events/s counted from the moment the server was
     * healthy (its processors started a little earlier, which flatters the measured rate, not ours).
     */
    private double catchUp(LedgerServer server) throws Exception {
        long started = System.nanoTime();
        long deadline = started + java.time.Duration.ofSeconds(size("baselineSeconds", 180)).toNanos();
        long handled = 0;
        while (true) {
            long head = 0;
            handled = 0;
            JsonNode statuses = json.readTree(server.get("admin", "/api/admin/projections").body());
            for (JsonNode status : statuses) {
                head = Math.max(head, status.path("head").asLong());
                handled += status.path("minPosition").asLong(0);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (caughtUp(statuses)) {
                return head / seconds;
            }
            if (System.nanoTime() > deadline) {
                // Not finished in time: report the rate it reached (positions summed over projections, per projection).
                figures.put("baselineFinished", false);
                table.add(new String[]{"  (out-of-the-box baseline stopped after " + (int) seconds + " s, unfinished)", ""});
                return handled / (double) statuses.size() / seconds;
            }
            Thread.sleep(100);
        }
    }

    private String openDisputeContract(LedgerServer server, String contractId, int suppliers) {
        expect(server.post("buyer", "/api/contracts", Workload.contract(contractId, "sup-0")), 201);
        expectSuccess(server.post("buyer", "/api/contracts/" + contractId + "/signature",
                Workload.lifeAfterDraft().get(0)[1]));
        expectSuccess(server.post("buyer", "/api/contracts/" + contractId + "/disputes", Workload.OPEN_DISPUTE));
        return contractId;
    }

    interface IndexedCall {
        void call(int index);
    }

    private static void parallel(int threads, int count, IndexedCall call) throws Exception {
        Workers.run(threads, count, (worker, i) -> call.call(i));
    }

    private static void timed(Latencies latencies, Runnable call) {
        long started = System.nanoTime();
        call.run();
        latencies.record(System.nanoTime() - started);
    }

    private static LedgerServer.Reply expect(LedgerServer.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static void expectSuccess(LedgerServer.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("expected success but got " + reply.status() + ": " + reply.body());
        }
    }

    private void figure(String label, double value, String unit, String key) {
        figures.put(key, round(value));
        table.add(new String[]{label, String.format("%,.1f %s", value, unit)});
    }

    private void figure(String label, double p50, double p99, String key) {
        figures.put(key, Map.of("p50Millis", round(p50), "p99Millis", round(p99)));
        table.add(new String[]{label, String.format("%.2f / %.2f ms", p50, p99)});
    }

    /** A target of issue 5: a ratio at least (or at most) the threshold. */
    private void target(String label, double value, double threshold, boolean atLeast) {
        boolean pass = atLeast ? value >= threshold : value <= threshold;
        targets.add(new String[]{label, String.format("%.2f", value), (atLeast ? ">= " : "<= ") + threshold,
                pass ? "PASS" : "FAIL"});
        figures.computeIfAbsent("targets", k -> new ArrayList<Map<String, Object>>());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) figures.get("targets");
        list.add(Map.of("target", label, "value", round(value), "threshold", threshold, "pass", pass));
    }

    private void report() throws Exception {
        System.out.println();
        System.out.printf("%-62s %s%n", "measure", "value");
        table.forEach(row -> System.out.printf("%-62s %s%n", row[0], row[1]));
        System.out.println();
        System.out.printf("%-62s %-10s %-10s %s%n", "target", "value", "needed", "result");
        targets.forEach(row -> System.out.printf("%-62s %-10s %-10s %s%n", row[0], row[1], row[2], row[3]));
        figures.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        Path result = root.resolve("bench-result.json");
        json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(result.toFile(), figures);
        System.out.println();
        System.out.println("written " + result);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
