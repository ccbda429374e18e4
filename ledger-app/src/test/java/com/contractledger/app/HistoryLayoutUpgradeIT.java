package com.contractledger.app;

import com.contractledger.readstore.ReadModelH2Backend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory whose contract history was written by an earlier version, a document per entry and a registry
 * without layouts: at start the history is replayed into blocks, and then answers every event.
 */
class HistoryLayoutUpgradeIT {

    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_history_of_the_earlier_layout_is_rebuilt_at_start() throws Exception {
        List<String> eventIds = new ArrayList<>();
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-u")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-u", "sup-u")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-u/signature", SIGNATURE).status()).isEqualTo(202);
            assertThat(ledger.get("auditor", "/api/contracts/ct-u/history?minVersion=" + SIGNED_VERSION)
                    .header("X-Read-Model-Caught-Up")).isEqualTo("true");
            json.readTree(ledger.get("auditor", "/api/contracts/ct-u/events").body())
                    .forEach(event -> eventIds.add(event.get("eventId").asText()));
        }

        writtenByTheEarlierVersion();

        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            JsonNode history = awaitHistory(ledger);
            List<String> served = new ArrayList<>();
            history.get("entries").forEach(entry -> served.add(entry.get("eventId").asText()));
            assertThat(served).containsExactlyElementsOf(eventIds);
            JsonNode status = json.readTree(ledger.get("admin", "/api/admin/projections/contract-history").body());
            assertThat(status.get("generation").asInt()).as(status.toString()).isEqualTo(1);
        }
    }

    /** The live history as the earlier version left it: an entry per document, and a registry without layouts. */
    private void writtenByTheEarlierVersion() {
        MVStore file = new MVStore.Builder().fileName(dataDir.resolve("readmodels.mv").toString()).open();
        MongoServer server = new MongoServer(new ReadModelH2Backend(file));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase db = client.getDatabase("ledger");
            MongoCollection<Document> history = db.getCollection("contract_history");
            history.deleteMany(new Document());
            history.insertOne(new Document("_id", "ct-u:0").append("contractId", "ct-u").append("sequence", 0L)
                    .append("type", "ContractDrafted"));
            db.getCollection("projection_versions").deleteMany(new Document("_id", "contract-history"));
            db.getCollection("projection_versions").insertOne(new Document("_id", "contract-history")
                    .append("collections", List.of("contract_history")).append("live", 0)
                    .append("tokensReset", false));
        } finally {
            server.shutdown();
            file.close();
        }
    }

    /** The history once the replay made it live (404 until then: the old layout is not served). */
    private JsonNode awaitHistory(LedgerProcess ledger) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        LedgerProcess.Reply reply = ledger.get("auditor", "/api/contracts/ct-u/history");
        while (reply.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = ledger.get("auditor", "/api/contracts/ct-u/history");
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return json.readTree(reply.body());
    }
}
