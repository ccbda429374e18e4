package com.contractledger.bench;

import com.contractledger.readstore.ReadModelH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded read-model store set up as the application sets it up (mongo-java-server on an H2 MVStore file that is
 * written only at checkpoints every 200 ms, which wait for the writes under way), written with the real MongoDB driver
 * and nothing else in the way: the read side's physical limit. The application's authentication is left out; it costs
 * only the connection handshake.
 */
final class RawReadModelStore {

    /** One read-model collection of the application: its secondary indexes and every document. */
    record Collection(String name, List<Document> indexes, List<Document> documents) {
    }

    private static final String DATABASE = "ledger";
    /** What a rebuild does not write: tokens, dead letters, the generations registry, the live change feed. */
    private static final Set<String> NOT_VIEWS = Set.of("tracking_tokens", "dead_letters", "projection_versions",
            "read_model_changes", "read_model_counters");
    private static final long CHECKPOINT_MILLIS = 200;

    private RawReadModelStore() {
    }

    /**
     * Every read-model collection in a copy of a stopped application's store file, as its projections left them.
     * Read before any replay, so each collection exists in one generation only.
     */
    static List<Collection> readViews(Path storeFile, Path copy) throws Exception {
        Files.copy(storeFile, copy);
        MVStore store = new MVStore.Builder().fileName(copy.toString()).open();
        MongoServer server = new MongoServer(new ReadModelH2Backend(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            List<Collection> views = new ArrayList<>();
            for (String name : database.listCollectionNames()) {
                if (NOT_VIEWS.contains(name)) {
                    continue;
                }
                List<Document> indexes = new ArrayList<>();
                for (Document index : database.getCollection(name).listIndexes()) {
                    if (!"_id_".equals(index.getString("name"))) {
                        index.remove("ns");
                        index.remove("v");
                        indexes.add(index);
                    }
                }
                views.add(new Collection(name, indexes, database.getCollection(name).find().into(new ArrayList<>())));
            }
            return views;
        } finally {
            server.shutdown();
            store.close();
            Files.delete(copy);
        }
    }

    /**
     * Writes {@code views} into a new store file in ordered bulks of {@code bulkSize} replace-upserts by id, each
     * collection by one of {@code writers} threads; returns documents per second, up to the checkpoint that has
     * written the last one to the file.
     */
    static double upsertRate(Path file, List<Collection> views, int bulkSize, int writers) throws Exception {
        Files.deleteIfExists(file);
        MVStore store = ReadModelH2Backend.openFile(file);
        ReadWriteLock checkpoints = new ReentrantReadWriteLock(true);
        Runnable checkpoint = () -> {
            checkpoints.writeLock().lock();
            try {
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
            } finally {
                checkpoints.writeLock().unlock();
            }
        };
        ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor();
        checkpointer.scheduleWithFixedDelay(checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
        MongoServer server = new MongoServer(new ReadModelH2Backend(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            for (Collection view : views) {
                database.createCollection(view.name());
                if (!view.indexes().isEmpty()) {
                    database.runCommand(new Document("createIndexes", view.name()).append("indexes", view.indexes()));
                }
            }
            long documents = views.stream().mapToLong(view -> view.documents().size()).sum();
            long started = System.nanoTime();
            Workers.run(writers, views.size(), (writer, index) -> {
                Collection view = views.get(index);
                var collection = database.getCollection(view.name());
                List<Document> all = view.documents();
                for (int from = 0; from < all.size(); from += bulkSize) {
                    List<ReplaceOneModel<Document>> bulk = all.subList(from, Math.min(from + bulkSize, all.size()))
                            .stream().map(document -> new ReplaceOneModel<>(new Document("_id", document.get("_id")),
                                    document, new ReplaceOptions().upsert(true))).toList();
                    checkpoints.readLock().lock();
                    try {
                        collection.bulkWrite(bulk, new BulkWriteOptions().ordered(true));
                    } finally {
                        checkpoints.readLock().unlock();
                    }
                }
            });
            checkpoint.run();
            return documents / ((System.nanoTime() - started) / 1e9);
        } finally {
            checkpointer.shutdownNow();
            server.shutdown();
            store.close();
            Files.deleteIfExists(file);
        }
    }
}
