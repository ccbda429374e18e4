package com.contractledger.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A MongoDB wire server in the test's memory for the read models of an application on the postgres profile. As a
 * {@code @RegisterExtension} field it lives as long as the test instance: stopped after each test, or after the class
 * when the class has one instance for all its tests.
 */
final class InTestMongo implements AutoCloseable, AfterEachCallback, AfterAllCallback {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String uri;

    InTestMongo() {
        uri = server.bindAndGetConnectionString() + "/ledger";
    }

    String uri() {
        return uri;
    }

    List<String> collectionNames() {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase("ledger").listCollectionNames().into(new ArrayList<>());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_METHOD) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
