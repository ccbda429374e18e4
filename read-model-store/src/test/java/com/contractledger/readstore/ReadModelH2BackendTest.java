package com.contractledger.readstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store opened without filling its placeholder indexes, with unique indexes compared as values and documents in
 * BSON, answers as it did before it was closed, and reads a store the backend wrote its own way.
 */
class ReadModelH2BackendTest {

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

    @Test
    void unique_keys_of_every_kind_are_found_and_kept_unique_across_a_reopen() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(i % 3 == 0 ? "ct-" + i : i % 3 == 1 ? (Object) (long) i : new ObjectId());
        }
        withViews(views -> ids.forEach(id -> views.insertOne(new Document("_id", id).append("n", ids.indexOf(id)))));

        withViews(views -> {
            for (Object id : ids) {
                assertThat(views.find(new Document("_id", id)).first()).extracting(found -> found.get("n"))
                        .isEqualTo(ids.indexOf(id));
                assertThatThrownBy(() -> views.insertOne(new Document("_id", id)))
                        .isInstanceOf(MongoWriteException.class);
            }
            assertThat(views.countDocuments(new Document("_id", new Document("$in", ids.subList(100, 164)))))
                    .isEqualTo(64);
            views.deleteOne(new Document("_id", ids.get(7)));
            assertThat(views.find(new Document("_id", ids.get(7))).first()).isNull();
            views.insertOne(new Document("_id", ids.get(7)).append("n", -1));
            assertThat(views.countDocuments()).isEqualTo(500);
        });
    }

    @Test
    void a_store_written_with_the_backends_own_unique_indexes_is_read_through_the_ordered_ones() {
        withViews(H2Backend::new, views -> {
            views.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                views.insertOne(new Document("_id", "ct-" + i).append("number", i));
            }
        });

        withViews(views -> {
            assertThat(views.find(new Document("_id", "ct-42")).first()).extracting(found -> found.get("number"))
                    .isEqualTo(42);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-42")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-new").append("number", 42)))
                    .isInstanceOf(MongoWriteException.class);
            views.insertOne(new Document("_id", "ct-200").append("number", 200));
            assertThat(views.countDocuments()).isEqualTo(201);
        });

        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        try {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .anyMatch(name -> name.endsWith("._ordered_index__id_"))
                    .anyMatch(name -> name.endsWith("._ordered_index_number_1"));
        } finally {
            store.close();
        }
    }

    @Test
    void documents_are_stored_as_bson_and_read_back_with_every_kind_of_value() throws Exception {
        Document view = everyKindOfValue("ct-1");
        withViews(views -> {
            views.insertOne(view);
            for (int i = 0; i < 300; i++) {
                views.insertOne(everyKindOfValue("ct-bulk-" + i));
            }
        });

        withViews(views -> {
            assertThat(views.find(new Document("_id", "ct-1")).first()).isEqualTo(view);
            assertThat(views.countDocuments()).isEqualTo(301);
        });
        assertThat(fileHolds("de.bwaldvogel.mongo.bson.Document")).as("no Java-serialized document").isFalse();
    }

    @Test
    void a_store_whose_documents_were_java_serialized_is_read_and_written_on() throws Exception {
        withViews(H2Backend::new, views -> {
            for (int i = 0; i < 200; i++) {
                views.insertOne(everyKindOfValue("ct-" + i));
            }
        });
        assertThat(fileHolds("de.bwaldvogel.mongo.bson.Document")).as("the backend's own way").isTrue();

        withViews(views -> {
            assertThat(views.find(new Document("_id", "ct-42")).first()).isEqualTo(everyKindOfValue("ct-42"));
            views.replaceOne(new Document("_id", "ct-7"), everyKindOfValue("ct-7").append("status", "TERMINATED"));
            views.insertOne(everyKindOfValue("ct-200"));
        });
        withViews(views -> {
            assertThat(views.countDocuments()).isEqualTo(201);
            assertThat(views.find(new Document("_id", "ct-7")).first().getString("status")).isEqualTo("TERMINATED");
            assertThat(views.find(new Document("_id", "ct-199")).first()).isEqualTo(everyKindOfValue("ct-199"));
            assertThat(views.find(new Document("_id", "ct-200")).first()).isEqualTo(everyKindOfValue("ct-200"));
        });
    }

    @Test
    void unique_keys_are_stored_as_bson_and_a_missing_field_stays_a_key_of_its_own() throws Exception {
        withViews(views -> {
            views.createIndex(Indexes.ascending("number", "supplierId"), new IndexOptions().unique(true));
            views.insertOne(everyKindOfValue("ct-1").append("number", 1).append("supplierId", "sup-1"));
            views.insertOne(new Document("_id", "ct-2").append("supplierId", "sup-1"));
            views.insertOne(new Document("_id", "ct-3"));
            views.insertOne(new Document("_id", new Document("contract", "ct-4").append("at", 4L)).append("number", 4));
        });
        assertThat(fileHolds("de.bwaldvogel.mongo.backend.KeyValue")).as("no Java-serialized key").isFalse();

        withViews(views -> {
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-5").append("supplierId", "sup-1")))
                    .as("the same key as ct-2's, whose number is missing").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-6")))
                    .as("the same key as ct-3's").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-7").append("number", 1)
                    .append("supplierId", "sup-1"))).isInstanceOf(MongoWriteException.class);
            views.insertOne(new Document("_id", "ct-8").append("number", 1).append("supplierId", "sup-2"));
            assertThat(views.find(new Document("_id", new Document("contract", "ct-4").append("at", 4L))).first())
                    .extracting(found -> found.get("number")).isEqualTo(4);
            assertThat(views.find(new Document("_id", "ct-1")).first()).isEqualTo(everyKindOfValue("ct-1")
                    .append("number", 1).append("supplierId", "sup-1"));
        });
    }

    @Test
    void unique_keys_java_serialized_by_an_earlier_version_are_read_and_written_on() {
        withViews(views -> {
            for (int i = 0; i < 200; i++) {
                views.insertOne(new Document("_id", "ct-" + i).append("n", i));
            }
        });
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        try {
            String name = store.getMapNames().stream().filter(map -> map.endsWith("._ordered_index__id_")).findFirst()
                    .orElseThrow();
            store.removeMap(name);
            MVMap<KeyValue, Object> javaSerialized = store.openMap(name,
                    new MVMap.Builder<KeyValue, Object>().keyType(new JavaSerializedKeys()));
            for (int i = 0; i < 200; i++) {
                javaSerialized.put(new KeyValue("ct-" + i), "ct-" + i);
            }
            store.commit();
        } finally {
            store.close();
        }

        withViews(views -> {
            assertThat(views.find(new Document("_id", "ct-42")).first()).extracting(found -> found.get("n"))
                    .isEqualTo(42);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-42")))
                    .isInstanceOf(MongoWriteException.class);
            views.insertOne(new Document("_id", "ct-200").append("n", 200));
        });
        withViews(views -> {
            assertThat(views.countDocuments()).isEqualTo(201);
            assertThat(views.find(new Document("_id", "ct-199")).first()).extracting(found -> found.get("n"))
                    .isEqualTo(199);
            assertThat(views.find(new Document("_id", "ct-200")).first()).extracting(found -> found.get("n"))
                    .isEqualTo(200);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "ct-7")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    /** Keys as the earlier version wrote them: compared as values, Java-serialized by H2's own type. */
    private static final class JavaSerializedKeys extends BasicDataType<KeyValue> {

        private final OrderedUniqueIndex.KeyValueType keys = new OrderedUniqueIndex.KeyValueType();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            return keys.compare(a, b);
        }

        @Override
        public int getMemory(KeyValue key) {
            return keys.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            new ObjectDataType().write(buffer, key);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return keys.read(buffer);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    private static Document everyKindOfValue(String id) {
        return new Document("_id", id).append("text", "框架协议 " + id).append("int", 42).append("long", 1L << 40)
                .append("double", 0.85).append("flag", true).append("nothing", null)
                .append("at", Date.from(Instant.parse("2026-11-20T09:30:00.123Z")))
                .append("decimal", new Decimal128(new BigDecimal("1234.56")))
                .append("objectId", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("binary", new Binary(new byte[]{1, 2, 3}))
                .append("list", List.of("a", 1, List.of(2L, "b")))
                .append("nested", new Document("amount", "12.50").append("lines", List.of(new Document("sku", "M8"))));
    }

    private boolean fileHolds(String text) throws Exception {
        byte[] file = Files.readAllBytes(dir.resolve("readmodels.mv"));
        return new String(file, StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void a_dropped_collection_leaves_no_index_behind() {
        withViews(views -> {
            views.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            views.insertOne(new Document("_id", "ct-1").append("number", 1));
            views.drop();
            views.insertOne(new Document("_id", "ct-1").append("number", 1));
            assertThat(views.countDocuments()).isEqualTo(1);
            views.drop();
        });
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        try {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("views."));
        } finally {
            store.close();
        }
    }

    private void withViews(Consumer<MongoCollection<Document>> use) {
        withViews(ReadModelH2Backend::new, use);
    }

    private void withViews(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> use) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("readmodels.mv").toString()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            use.accept(client.getDatabase("ledger").getCollection("views"));
        } finally {
            server.shutdown();
        }
    }
}
