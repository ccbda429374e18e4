package com.contractledger.app;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default's read-model store: an in-process MongoDB wire-protocol server keeping its data in an H2 file
 * under the data directory, reached through the real MongoDB driver on a loopback port. Switched off by setting
 * {@code ledger.embedded-mongo.enabled=false} and {@code spring.data.mongodb.uri} to a real MongoDB.
 */
@Configuration
@ConditionalOnProperty(name = "ledger.embedded-mongo.enabled", havingValue = "true")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean
    EmbeddedReadModelStore embeddedReadModelStore(@Value("${ledger.data-dir}") Path dataDir,
            @Value("${ledger.embedded-mongo.checkpoint-interval:200ms}") Duration checkpointInterval)
            throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedReadModelStore(dataDir.resolve("readmodels.mv").toAbsolutePath(), checkpointInterval);
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedReadModelStore store) {
        MongoServer server = new MongoServer(store.backend());
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB wire server on {} storing read models in {}", server.getConnectionString(),
                store.file());
        return server;
    }

    /** Spring Boot's MongoDB health check sends {@code hello}, which the wire server does not know; ping instead. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return () -> {
            Document answer = mongoTemplate.executeCommand(new Document("ping", 1));
            return Health.up().withDetail("server", "embedded").withDetail("ping", answer.get("ok")).build();
        };
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoServer embeddedMongoServer) {
        ConnectionString connection = new ConnectionString(embeddedMongoServer.getConnectionString() + "/ledger");
        return () -> connection;
    }
}
