package com.contractledger.app;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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

/**
 * The embedded default's read-model store: an in-process MongoDB wire-protocol server keeping its data in an H2 file
 * under the data directory, reached through the real MongoDB driver on a loopback port. Switched off by setting
 * {@code ledger.embedded-mongo.enabled=false} and {@code spring.data.mongodb.uri} to a real MongoDB.
 */
@Configuration
@ConditionalOnProperty(name = "ledger.embedded-mongo.enabled", havingValue = "true")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(@Value("${ledger.data-dir}") Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("readmodels.mv").toAbsolutePath();
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB wire server on {} storing read models in {}", server.getConnectionString(), file);
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
