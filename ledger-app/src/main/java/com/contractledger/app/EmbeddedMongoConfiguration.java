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
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The embedded default's read-model store: an in-process MongoDB wire-protocol server keeping its data in an H2 file
 * under the data directory, reached through the real MongoDB driver on a loopback port with a secret made at every
 * start, which no other user of the machine can know. Switched off by setting
 * {@code ledger.embedded-mongo.enabled=false} and {@code spring.data.mongodb.uri} to a real MongoDB.
 */
@Configuration
@ConditionalOnProperty(name = "ledger.embedded-mongo.enabled", havingValue = "true")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    private static final String USER = "ledger";

    // A new secret at every start, known only to this process; URL-safe, so it goes into the connection string as is.
    private final String password = randomSecret();

    @Bean
    EmbeddedReadModelStore embeddedReadModelStore(@Value("${ledger.data-dir}") Path dataDir,
            @Value("${ledger.embedded-mongo.checkpoint-interval:200ms}") Duration checkpointInterval)
            throws IOException {
        Files.createDirectories(dataDir);
        return new EmbeddedReadModelStore(dataDir.resolve("readmodels.mv").toAbsolutePath(), checkpointInterval);
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedReadModelStore store) {
        MongoServer server = new MongoServer(
                new AuthenticatingBackend(store.backend(), new ScramSha256(USER, password)));
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB wire server on {} storing read models in {}", server.getConnectionString(),
                store.file());
        return server;
    }

    /** The clients' writes join the units of work they are part of (see {@link EmbeddedReadModelStore}). */
    @Bean
    MongoClientSettingsBuilderCustomizer unitsOfWorkWrites(EmbeddedReadModelStore store) {
        return settings -> settings.addCommandListener(store.writesOfUnitsOfWork());
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
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connection = new ConnectionString("mongodb://" + USER + ":" + password + "@"
                + address.getHostString() + ":" + address.getPort()
                + "/ledger?authSource=admin&authMechanism=SCRAM-SHA-256");
        return () -> connection;
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
