package com.contractledger.app;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store opened without filling its placeholder indexes answers as it did before it was closed. */
class UnindexedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void a_reopened_store_keeps_its_documents_its_unique_indexes_and_its_declared_secondary_indexes() {
        withViews(views -> {
            views.createIndex(Indexes.ascending("supplierId"));
            views.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            for (int i = 0; i < 100; i++) {
                views.insertOne(new Document("_id", "ct-" + i).append("supplierId", "sup-" + i % 3).append("number", i));
            }
        });

        withViews(views -> {
            assertThat(views.countDocuments()).isEqualTo(100);
            assertThat(views.countDocuments(new Document("supplierId", "sup-1"))).isEqualTo(33);
            List<String> indexes = new ArrayList<>();
            views.listIndexes().forEach(index -> indexes.add(index.getString("name")));
            assertThat(indexes).containsExactlyInAnyOrder("_id_", "supplierId_1", "number_1");
            views.createIndex(Indexes.ascending("supplierId"));
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-x").append("number", 7)))
                    .isInstanceOf(MongoWriteException.class);
            views.insertOne(new Document("_id", "ct-100").append("supplierId", "sup-1").append("number", 100));
            assertThat(views.countDocuments(new Document("supplierId", "sup-1"))).isEqualTo(34);
        });
    }

    private void withViews(Consumer<MongoCollection<Document>> use) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        MongoServer server = new MongoServer(new UnindexedH2Backend(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            use.accept(client.getDatabase("ledger").getCollection("views"));
        } finally {
            server.shutdown();
        }
    }
}
