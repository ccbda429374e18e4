package com.contractledger.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.ArrayList;
import java.util.List;

/** A MongoDB wire server in the test's memory for the read models of an application on the postgres profile. */
final class InTestMongo implements AutoCloseable {

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
    public void close() {
        server.shutdownNow();
    }
}
