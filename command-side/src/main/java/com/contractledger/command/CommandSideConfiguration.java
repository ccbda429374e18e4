package com.contractledger.command;

import com.contractledger.command.common.AppendedVersion;
import com.contractledger.command.common.DuplicateKeyResolver;
import com.contractledger.command.common.HashChainInterceptor;
import com.contractledger.command.common.IdempotencyStore;
import com.contractledger.command.common.RejectionReportingCommandBus;
import com.contractledger.shared.MigrationOwner;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.List;

/**
 * Infrastructure of the write side: snapshots and caches for the aggregates, the interceptors that report the
 * version a command produced, and the hash chain that makes the stored history tamper-evident.
 */
@Configuration
public class CommandSideConfiguration {

    /**
     * The local command bus as Axon's auto-configuration builds it, but reporting every refusal as data
     * ({@link RejectionReportingCommandBus}); on axonserver it is the segment Axon Server's bus hands commands to.
     * Static, because this configuration registers interceptors on the command bus.
     */
    @Bean
    @Qualifier("localSegment")
    static SimpleCommandBus localCommandBus(TransactionManager transactionManager,
                                     org.axonframework.config.Configuration axonConfiguration,
                                     DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = new RejectionReportingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus")));
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }

    @Bean
    SnapshotTriggerDefinition contractSnapshotTriggerDefinition(
            Snapshotter snapshotter, @Value("${ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    SnapshotTriggerDefinition supplierSnapshotTriggerDefinition(
            Snapshotter snapshotter, @Value("${ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    Cache contractCache(@Value("${ledger.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    @Bean
    Cache supplierCache(@Value("${ledger.aggregate-cache:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /**
     * The command side's bookkeeping tables (deadline schedule, idempotency keys, supplier standing) by Flyway from
     * {@code db/command}, when {@code ledger.flyway.enabled} (profiles axonserver and postgres). The query side
     * migrates its own tables in the same schema with a history table of its own, so each run starts on a schema that
     * may already hold the other's tables: baselining at version 0 still applies every migration.
     */
    @Bean
    @ConditionalOnProperty("ledger.flyway.enabled")
    static Flyway commandSchema(DataSource dataSource, Environment environment) {
        return migrations(dataSource, environment, "classpath:db/command", "flyway_command_history");
    }

    /**
     * Spring Boot orders the beans that use the database after its migration initializers; static, because the
     * deadline manager wired into this configuration needs the database.
     */
    @Bean
    @ConditionalOnProperty("ledger.flyway.enabled")
    static FlywayMigrationInitializer commandSchemaMigration(Flyway commandSchema) {
        return new FlywayMigrationInitializer(commandSchema);
    }

    /**
     * Axon's event and snapshot tables by Flyway from {@code db/event-store}, only where they are the event store
     * ({@code ledger.flyway.event-store}, profile postgres): on axonserver Axon Server keeps the events.
     */
    @Bean
    @ConditionalOnProperty("ledger.flyway.event-store")
    static Flyway eventStoreSchema(DataSource dataSource, Environment environment) {
        return migrations(dataSource, environment, "classpath:db/event-store", "flyway_event_store_history");
    }

    @Bean
    @ConditionalOnProperty("ledger.flyway.event-store")
    static FlywayMigrationInitializer eventStoreSchemaMigration(Flyway eventStoreSchema) {
        return new FlywayMigrationInitializer(eventStoreSchema);
    }

    private static Flyway migrations(DataSource dataSource, Environment environment, String location,
                                     String history) {
        return migratingAs(Flyway.configure(), dataSource, environment).locations(location).table(history)
                .baselineOnMigrate(true).baselineVersion("0").load();
    }

    @Bean
    static PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * Deadline handlers get the same audit metadata as commands (actor {@code system}, correlation, causation), and
     * each firing is counted as {@code ledger.deadlines.fired} by deadline name.
     */
    @Autowired
    void auditDeadlines(DeadlineManager deadlineManager, List<CorrelationDataProvider> correlationDataProviders,
                       MeterRegistry meterRegistry) {
        deadlineManager.registerHandlerInterceptor((unitOfWork, chain) -> {
            correlationDataProviders.forEach(unitOfWork::registerCorrelationDataProvider);
            meterRegistry.counter("ledger.deadlines.fired", "deadline", unitOfWork.getMessage().getDeadlineName())
                    .increment();
            return chain.proceed();
        });
    }

    @Autowired
    void reportAppendedVersions(CommandBus commandBus, EventStore eventStore, IdempotencyStore idempotencyStore) {
        eventStore.registerDispatchInterceptor(AppendedVersion.recordingInterceptor());
        commandBus.registerHandlerInterceptor(AppendedVersion.reportingInterceptor(idempotencyStore));
    }

    @Autowired
    void linkHashChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        eventStore.registerDispatchInterceptor(new HashChainInterceptor(eventStore, eventSerializer));
    }

    /** The migrations as the schema's owner when one is configured ({@link MigrationOwner}), else as the service. */
    private static FluentConfiguration migratingAs(FluentConfiguration flyway, DataSource dataSource,
                                                   Environment environment) {
        return MigrationOwner.of(environment).map(owner -> flyway.dataSource(owner.url(), owner.user(),
                owner.password())).orElseGet(() -> flyway.dataSource(dataSource));
    }
}
