package com.contractledger.app;

import com.contractledger.readstore.ReadModelH2Backend;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.common.transaction.Transaction;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code kill -9} leaves of the embedded read-model store is the file as the last checkpoint wrote it: copying
 * the file while the store is open shows exactly that. A checkpoint waits for the unit of work that is writing.
 */
class EmbeddedReadModelStoreTest {

    @TempDir
    Path dir;
    private EmbeddedReadModelStore store;
    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void close() {
        client.close();
        server.shutdown();
    }

    private MongoCollection<Document> views() {
        store = new EmbeddedReadModelStore(dir.resolve("readmodels.mv"), Duration.ofHours(1));
        server = new MongoServer(store.backend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(store.writesOfUnitsOfWork())
                .build());
        return client.getDatabase("ledger").getCollection("views");
    }

    @Test
    void nothing_reaches_the_file_between_checkpoints_and_a_checkpoint_writes_everything_before_it() throws Exception {
        MongoCollection<Document> views = views();
        views.insertOne(new Document("_id", "before"));
        assertThat(idsInCrashImage("no-checkpoint")).isEmpty();

        store.checkpoint();
        views.insertOne(new Document("_id", "after"));
        assertThat(idsInCrashImage("one-checkpoint")).containsExactly("before");
    }

    @Test
    void however_much_is_written_between_checkpoints_none_of_it_reaches_the_file() throws Exception {
        MongoCollection<Document> views = views();
        // H2 reckons ~10 KB of unsaved memory per index entry until it has written some: 8,000 documents are well past
        // the write buffer (19 MB at most) after which it would store the changes from the writing thread itself, in
        // the middle of a unit of work
        for (int batch = 0; batch < 8; batch++) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(new Document("_id", "view-" + batch + "-" + i).append("status", "ACTIVE"));
            }
            views.insertMany(documents);
        }
        assertThat(idsInCrashImage("large-unit-of-work")).isEmpty();

        store.checkpoint();
        assertThat(idsInCrashImage("checkpointed")).hasSize(8_000);
    }

    @Test
    void a_checkpoint_waits_for_the_unit_of_work_that_has_written_so_it_never_splits_one() throws Exception {
        MongoCollection<Document> views = views();
        // A unit of work begins, writes and ends on its processor's thread.
        ExecutorService processorThread = Executors.newSingleThreadExecutor();
        Transaction unitOfWork = on(processorThread, () -> store.transactionManager().startTransaction());
        on(processorThread, () -> views.insertOne(new Document("_id", "view")));

        CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(store::checkpoint);
        Thread.sleep(300);
        assertThat(checkpoint).as("the checkpoint waits while the unit of work is open").isNotDone();
        assertThat(idsInCrashImage("mid-unit-of-work")).isEmpty();

        on(processorThread, () -> views.insertOne(new Document("_id", "token")));
        run(processorThread, unitOfWork::commit);
        processorThread.shutdown();
        checkpoint.get(5, TimeUnit.SECONDS);
        assertThat(idsInCrashImage("after-unit-of-work")).containsExactlyInAnyOrder("view", "token");
    }

    @Test
    void a_unit_of_work_that_has_only_read_holds_no_checkpoint_back_and_joins_in_at_its_first_write()
            throws Exception {
        MongoCollection<Document> views = views();
        views.insertOne(new Document("_id", "summary").append("version", 1));
        store.checkpoint();
        ExecutorService processorThread = Executors.newSingleThreadExecutor();
        Transaction longBatch = on(processorThread, () -> store.transactionManager().startTransaction());
        on(processorThread, () -> views.find(new Document("_id", "summary")).first());
        on(processorThread, () -> views.countDocuments());

        // another processor's batch writes and ends meanwhile, and is checkpointed
        ExecutorService otherProcessor = Executors.newSingleThreadExecutor();
        run(otherProcessor, () -> {
            Transaction quick = store.transactionManager().startTransaction();
            views.insertOne(new Document("_id", "other"));
            quick.commit();
        });
        CompletableFuture.runAsync(store::checkpoint).get(5, TimeUnit.SECONDS);
        assertThat(idsInCrashImage("while-reading")).containsExactlyInAnyOrder("summary", "other");

        on(processorThread, () -> views.replaceOne(new Document("_id", "summary"),
                new Document("_id", "summary").append("version", 2)));
        checkpointWaitsUntilItEnds("once it has written, the checkpoint waits for it", processorThread, longBatch);
        processorThread.shutdown();
        otherProcessor.shutdown();
        assertThat(idsInCrashImage("after-writing")).containsExactlyInAnyOrder("summary", "other");
    }

    @Test
    void an_aggregation_that_stores_its_result_counts_as_a_write() throws Exception {
        MongoCollection<Document> views = views();
        views.insertOne(new Document("_id", "summary").append("status", "ACTIVE"));
        store.checkpoint();
        ExecutorService processorThread = Executors.newSingleThreadExecutor();
        Transaction unitOfWork = on(processorThread, () -> store.transactionManager().startTransaction());
        on(processorThread, () -> views.aggregate(List.of(new Document("$match", new Document("status", "ACTIVE"))))
                .first());
        CompletableFuture.runAsync(store::checkpoint).get(5, TimeUnit.SECONDS);

        run(processorThread, () -> views.aggregate(List.of(new Document("$match", new Document("status", "ACTIVE")),
                new Document("$out", "active"))).toCollection());
        checkpointWaitsUntilItEnds("the checkpoint waits for the unit of work that stored a result", processorThread,
                unitOfWork);
        processorThread.shutdown();
    }

    private static <T> T on(ExecutorService thread, Callable<T> work) throws Exception {
        return thread.submit(work).get(5, TimeUnit.SECONDS);
    }

    private static void run(ExecutorService thread, Runnable work) throws Exception {
        thread.submit(work).get(5, TimeUnit.SECONDS);
    }

    /** A checkpoint asked for now is still waiting a moment later, and done once the unit of work ends. */
    private void checkpointWaitsUntilItEnds(String why, ExecutorService thread, Transaction unitOfWork)
            throws Exception {
        CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(store::checkpoint);
        Thread.sleep(300);
        assertThat(checkpoint).as(why).isNotDone();
        run(thread, unitOfWork::commit);
        checkpoint.get(5, TimeUnit.SECONDS);
    }

    /** The ids in a copy of the store's file taken now, opened as a restarted process would open it. */
    private List<String> idsInCrashImage(String name) throws Exception {
        Path copy = dir.resolve(name + ".mv");
        Files.copy(dir.resolve("readmodels.mv"), copy);
        MongoServer reopened = new MongoServer(
                new ReadModelH2Backend(new MVStore.Builder().fileName(copy.toString()).open()));
        try (MongoClient reader = MongoClients.create(reopened.bindAndGetConnectionString())) {
            List<String> ids = new ArrayList<>();
            reader.getDatabase("ledger").getCollection("views").find().projection(new Document("_id", 1))
                    .forEach(document -> ids.add(document.getString("_id")));
            return ids;
        } finally {
            reopened.shutdown();
        }
    }
}
