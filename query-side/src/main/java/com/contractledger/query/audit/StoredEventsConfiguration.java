package com.contractledger.query.audit;

import com.contractledger.query.QuerySideConfiguration;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit's reader of the stored events: an event store over the ledger's storage built from the same settings as
 * Axon's own, without upcasters. Axon builds its event store on Axon Server unless {@code axon.axonserver.enabled} is
 * false, and then, in every profile here, on the JDBC event table; the same property chooses the reader. Neither
 * reader is an {@code EventStore} bean, so Axon and the command side see only the ledger's own.
 */
@Configuration
class StoredEventsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    StoredEvents storedEventsInAxonServer(AxonServerConfiguration axonServer, AxonServerConnectionManager connections,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration) {
        AxonServerEventStore withoutUpcasters = AxonServerEventStore.builder()
                .configuration(axonServer)
                .platformConnectionManager(connections)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .build();
        // Its messages carry the event serializer wrapped for Axon Server's metadata; two such wrappers of one
        // serializer are equal.
        return new StoredEvents(withoutUpcasters, new GrpcMetaDataAwareSerializer(eventSerializer));
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    StoredEvents storedEventsInJdbc(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                    ObjectProvider<PersistenceExceptionResolver> persistenceExceptionResolver,
                                    org.axonframework.config.Configuration configuration,
                                    ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        JdbcEventStorageEngine withoutUpcasters = QuerySideConfiguration.jdbcEventStorage(serializer, eventSerializer,
                        persistenceExceptionResolver, configuration, connectionProvider, transactionManager)
                .upcasterChain(NoOpEventUpcaster.INSTANCE)
                .build();
        // Each export reads a stream of its own to its end; a shared tailing producer would poll the table ever after.
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(withoutUpcasters)
                .optimizeEventConsumption(false)
                .build();
        return new StoredEvents(store, withoutUpcasters.getEventSerializer());
    }
}
