package com.contractledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.http.HttpResponse;

import static com.contractledger.shared.ServiceWiring.assertHandlersTimedByTheirUnitOfWork;
import static com.contractledger.shared.ServiceWiring.assertWiredToAxonServer;
import static com.contractledger.shared.ServiceWiring.beansWithMethodsAnnotated;
import static com.contractledger.shared.ServiceWiring.call;
import static com.contractledger.shared.ServiceWiring.closedPort;
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
                // the bookkeeping tables in H2's dialect; on PostgreSQL the migrations create them (PostgresSchemaIT)
                "--ledger.flyway.enabled=false",
                "--spring.sql.init.mode=always",
                "--spring.sql.init.schema-locations=classpath:schema/h2.sql",
                "--ledger.security.users[0].name=buyer",
                "--ledger.security.users[0].password={noop}buyer-secret",
                "--ledger.security.users[0].roles=BUYER",
                "--ledger.security.users[1].name=admin",
                "--ledger.security.users[1].password={noop}admin-secret",
                "--ledger.security.users[1].roles=ADMIN");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void events_commands_and_queries_go_through_the_axon_server_connector() {
        assertWiredToAxonServer(context);
    }

    @Test
    void handlers_are_timed_by_their_unit_of_work_only() {
        assertHandlersTimedByTheirUnitOfWork(context);
    }

    @Test
    void while_axon_server_is_away_a_write_answers_503_with_retry_after_and_health_says_why() throws Exception {
        HttpResponse<String> write = call(context, "buyer:buyer-secret", "POST", "/api/suppliers/sup-1/tier",
                "{\"tier\": \"KEY\", \"reason\": \"sole source\"}");
        assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
        assertThat(write.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> health = call(context, "admin:admin-secret", "GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"WARN\"", "\"axonServer\"", "writes answer 503");
    }

    @Test
    void the_command_side_holds_its_aggregates_and_no_projections_or_query_handlers() {
        assertThat(beansWithMethodsAnnotated(context, CommandHandler.class)).contains("contract", "supplierRelationship");
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .containsExactly("supplier-directory");
        assertThat(beansWithMethodsAnnotated(context, QueryHandler.class)).isEmpty();
    }
}
