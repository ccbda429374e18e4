package com.contractledger.command;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-side service on profile {@code axonserver}, started with no Axon Server reachable (the connector keeps
 * trying in the background): it is wired to Axon Server and holds the command side only.
 */
class AxonServerWiringTest {

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws IOException {
        context = CommandSideApplication.application().profiles("axonserver").run(
                "--server.port=0",
                "--AXONSERVER_SERVERS=127.0.0.1:" + closedPort(),
                "--LEDGER_JDBC_URL=jdbc:h2:mem:command-wiring;DB_CLOSE_DELAY=-1",
                "--LEDGER_JDBC_USER=sa",
                "--LEDGER_JDBC_PASSWORD=",
                // the bookkeeping tables; on PostgreSQL they come from the migrations
                "--spring.sql.init.mode=always",
                "--spring.sql.init.schema-locations=classpath:schema/h2.sql");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void events_commands_and_queries_go_through_the_axon_server_connector() {
        assertThat(context.getBean(AxonServerConnectionManager.class).getDefaultContext()).isEqualTo("default");
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
    }

    @Test
    void the_command_side_holds_its_aggregates_and_no_projections_or_query_handlers() {
        assertThat(beansWithMethodsAnnotated(CommandHandler.class)).contains("contract", "supplierRelationship");
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .containsExactly("supplier-directory");
        assertThat(beansWithMethodsAnnotated(QueryHandler.class)).isEmpty();
    }

    private static String[] beansWithMethodsAnnotated(Class<? extends Annotation> annotation) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> Arrays.stream(Objects.requireNonNull(context.getType(name)).getDeclaredMethods())
                        .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, annotation)))
                .toArray(String[]::new);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
