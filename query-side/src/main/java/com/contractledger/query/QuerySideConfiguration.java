package com.contractledger.query;

import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.common.ReadModelTransactions;
import com.contractledger.query.dispute.DisputeTimelineProjection;
import com.contractledger.query.history.ContractHistoryProjection;
import com.contractledger.query.milestone.MilestoneProjection;
import com.contractledger.query.readmodel.TokenAfterViews;
import com.contractledger.query.risk.SupplierRiskProjection;
import com.contractledger.query.scorecard.SupplierScorecardProjection;
import com.contractledger.query.spend.SpendProjection;
import com.contractledger.query.summary.ContractSummaryProjection;
import com.contractledger.query.supplier.SupplierProfileProjection;
import com.contractledger.query.webhook.WebhookOutbox;
import com.contractledger.shared.MigrationOwner;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Infrastructure of the read side. Processor tokens live in the same MongoDB as the views they describe, so on the
 * embedded default one store holds both and a crash cannot leave a token ahead of its view. With
 * {@code ledger.token-store=jdbc} (the postgres profile) they live beside the event table instead, in Axon's
 * auto-configured {@code JdbcTokenStore}; every view write is guarded by the aggregate sequence, so events handled
 * again after a token that lags its views change nothing.
 */
@Configuration
public class QuerySideConfiguration {

    static final String TOKEN_COLLECTION = "tracking_tokens";
    static final String DEAD_LETTER_COLLECTION = "dead_letters";

    /** The processing group of every projection. */
    public static final List<String> PROJECTIONS = List.of(ContractSummaryProjection.PROCESSING_GROUP,
            ContractHistoryProjection.PROCESSING_GROUP, DisputeTimelineProjection.PROCESSING_GROUP,
            SupplierProfileProjection.PROCESSING_GROUP, SupplierScorecardProjection.PROCESSING_GROUP,
            MilestoneProjection.PROCESSING_GROUP, SpendProjection.PROCESSING_GROUP,
            SupplierRiskProjection.PROCESSING_GROUP);
    /** The processors whose batches write to the read-model store: the projections and the webhooks' outbox. */
    static final List<String> READ_MODEL_WRITERS = Stream.concat(PROJECTIONS.stream(),
            Stream.of(WebhookOutbox.PROCESSING_GROUP)).toList();

    /** axon-mongo has no Spring Boot starter for 4.12, hence the explicit beans. */
    @Bean
    @ConditionalOnProperty(name = "ledger.token-store", havingValue = "mongo", matchIfMissing = true)
    TokenStore tokenStore(MongoDatabaseFactory mongoDatabaseFactory, Serializer serializer) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(mongoDatabaseFactory.getMongoDatabase())
                .trackingTokensCollectionName(TOKEN_COLLECTION)
                .build();
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .build();
    }

    /**
     * Axon's token table by Flyway from {@code db/query}, when {@code ledger.flyway.token-store} (the postgres profile,
     * where the tokens are in the database the query side tails).
     */
    @Bean
    @ConditionalOnProperty("ledger.flyway.token-store")
    static Flyway querySchema(DataSource dataSource, Environment environment) {
        return migratingAs(Flyway.configure(), dataSource, environment)
                .locations("classpath:db/query").table("flyway_query_history")
                // the command side's tables may already be in the schema, under their own history table
                .baselineOnMigrate(true).baselineVersion("0")
                .load();
    }

    @Bean
    @ConditionalOnProperty("ledger.flyway.token-store")
    static FlywayMigrationInitializer querySchemaMigration(Flyway querySchema) {
        return new FlywayMigrationInitializer(querySchema);
    }

    /**
     * Waits for the event table the command side's migration creates; in the one-process launcher that migration runs
     * first (every migration initializer is a dependency), so there is nothing to wait for.
     */
    @Bean
    @ConditionalOnProperty("ledger.flyway.token-store")
    static EventTableWait eventTableWait(DataSource dataSource, List<FlywayMigrationInitializer> migrations,
                                         @Value("${ledger.event-store.wait-for-table:10m}") Duration limit) {
        return new EventTableWait(new JdbcTemplate(dataSource), limit);
    }

    /**
     * The projections, and the webhooks' outbox that queues deliveries, write only to MongoDB. While their tokens are in
     * MongoDB too, a JDBC transaction around each batch would do nothing but hold a pooled connection for the batch's
     * duration, and seven processors with several segments each starved the command side of connections (measured:
     * HTTP threads parked in the pool); their units of work take the {@link ReadModelTransactions} instead, with which
     * the embedded store keeps a batch's writes and its token together on disk.
     */
    @Bean
    ConfigurerModule readModelWritersOutsideJdbcTransactions(ObjectProvider<ReadModelTransactions> readModelTransactions) {
        return configurer -> configurer.eventProcessing(processing -> READ_MODEL_WRITERS.forEach(group ->
                processing.registerTransactionManager(group, config ->
                        config.getComponent(TokenStore.class) instanceof MongoTokenStore
                                ? readModelTransactions.getIfAvailable(() -> ReadModelTransactions.NONE)
                                        .transactionManager()
                                : config.getComponent(TransactionManager.class))));
    }

    /** What the projections' processors read (ledger-query.yml names it as their source). */
    @Bean(destroyMethod = "close")
    ProjectionEventSource projectionEvents(EventStore eventStore,
                                           @Value("${ledger.event-store.poll-interval:1s}") Duration pollInterval) {
        return new ProjectionEventSource(eventStore, pollInterval);
    }

    /** Every projection's views are written before its token is stored (see {@link TokenAfterViews}). */
    @Bean
    ConfigurerModule projectionTokensAfterViews() {
        return configurer -> configurer.eventProcessing(processing -> PROJECTIONS.forEach(group ->
                processing.registerTokenStore(group, config ->
                        new TokenAfterViews(config.getComponent(TokenStore.class)))));
    }

    /**
     * A dead-letter queue per projection, in MongoDB beside the views ({@code dead_letters}): an event a projection
     * cannot apply is parked with its cause, and so are the later events of its aggregate, while the projection goes
     * on with the others. A replay clears the queue (the events are applied again from the start). The invoker
     * remembers the aggregates it found without letters, so the queue is not asked again for each of their events.
     */
    @Bean
    ConfigurerModule projectionDeadLetters(MongoDatabaseFactory mongoDatabaseFactory, Serializer serializer) {
        return configurer -> configurer.eventProcessing(processing -> PROJECTIONS.forEach(group -> processing
                .registerDeadLetterQueue(group, config -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .mongoTemplate(DefaultMongoTemplate.builder()
                                .mongoDatabase(mongoDatabaseFactory.getMongoDatabase())
                                .deadLetterCollectionName(DEAD_LETTER_COLLECTION)
                                .build())
                        .serializer(serializer)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache())));
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return ReadModelMapping.conversions();
    }

    @Bean
    ReadModelGenerations readModelGenerations(MongoTemplate mongo) {
        return new ReadModelGenerations(mongo);
    }

    @Bean
    ReadModelChangeLog readModelChangeLog(MongoTemplate mongo, ObjectMapper json) {
        return new ReadModelChangeLog(mongo, json);
    }

    /**
     * Axon's JDBC event storage as its auto-configuration builds it, but for the upcasters, which each reader sets: the
     * processors read through the upcaster chain, the audit without ({@code StoredEventsConfiguration}).
     */
    public static JdbcEventStorageEngine.Builder jdbcEventStorage(
            Serializer serializer, Serializer eventSerializer,
            ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(
                        persistenceExceptionResolver.getIfAvailable(JdbcSQLErrorCodesResolver::new))
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager);
    }

    /**
     * The processors follow the event table by polling it. An append in this process wakes the poller at once; one
     * by another process (the command-side service, on the postgres profile) is seen at the next poll, a second
     * later by Axon's default. {@code ledger.event-store.poll-interval} shortens that. Axon's Spring Boot support has
     * no property for it, so its event store and storage engine are built here as its auto-configuration builds them.
     */
    @Configuration
    @ConditionalOnProperty("ledger.event-store.poll-interval")
    static class EventTablePolling {

        @Bean
        EventStorageEngine eventStorageEngine(Serializer serializer,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolver,
                                              org.axonframework.config.Configuration configuration,
                                              ConnectionProvider connectionProvider,
                                              TransactionManager transactionManager) {
            return jdbcEventStorage(serializer, eventSerializer, persistenceExceptionResolver, configuration,
                    connectionProvider, transactionManager)
                    .upcasterChain(configuration.upcasterChain())
                    .build();
        }

        @Bean
        EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                      org.axonframework.config.Configuration configuration,
                                      @Value("${ledger.event-store.poll-interval}") Duration pollInterval) {
            return EmbeddedEventStore.builder()
                    .storageEngine(eventStorageEngine)
                    .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                    .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                    .fetchDelay(pollInterval.toMillis())
                    .build();
        }
    }

    /** The migrations as the schema's owner when one is configured ({@link MigrationOwner}), else as the service. */
    private static FluentConfiguration migratingAs(FluentConfiguration flyway, DataSource dataSource,
                                                   Environment environment) {
        return MigrationOwner.of(environment).map(owner -> flyway.dataSource(owner.url(), owner.user(),
                owner.password())).orElseGet(() -> flyway.dataSource(dataSource));
    }
}
