package com.contractledger.query;

import com.contractledger.api.serialization.LedgerJson;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConfiguration.Eventhandling.ProcessorSettings;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static com.contractledger.shared.ServiceWiring.assertWiredToAxonServer;
import static com.contractledger.shared.ServiceWiring.beansWithMethodsAnnotated;
import static com.contractledger.shared.ServiceWiring.call;
import static com.contractledger.shared.ServiceWiring.closedPort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query-side service on profile {@code axonserver}, started with no Axon Server reachable (the connector keeps
 * trying in the background): it is wired to Axon Server, keeps tokens and views in MongoDB and holds no aggregates.
 */
class AxonServerWiringTest {

    private static final String[] PROJECTIONS = {"contract-summaries", "contract-history", "dispute-timelines",
            "supplier-profiles", "supplier-scorecards", "milestones", "spend"};

    private static final MongoServer mongo = new MongoServer(new MemoryBackend());
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws IOException {
        String mongoUri = mongo.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            projectionTokensIn(client.getDatabase("ledger"));
        }
        context = QuerySideApplication.application().profiles("axonserver").run(
                "--server.port=0",
                "--AXONSERVER_SERVERS=127.0.0.1:" + closedPort(),
                "--MONGODB_URI=" + mongoUri + "/ledger",
                // the wire server does not know the "hello" command of Spring Boot's MongoDB health check
                "--management.health.mongo.enabled=false",
                "--ledger.security.users[0].name=auditor",
                "--ledger.security.users[0].password={noop}auditor-secret",
                "--ledger.security.users[0].roles=AUDITOR",
                "--ledger.security.users[1].name=admin",
                "--ledger.security.users[1].password={noop}admin-secret",
                "--ledger.security.users[1].roles=ADMIN");
    }

    /**
     * A processor's very first start asks the event store where its stream begins, which needs Axon Server up; with
     * its tokens already in MongoDB — any restart, any further instance — it starts and claims them later.
     */
    private static void projectionTokensIn(MongoDatabase database) {
        TokenStore tokens = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database)
                        .trackingTokensCollectionName(QuerySideConfiguration.TOKEN_COLLECTION).build())
                .serializer(LedgerJson.serializer())
                .build();
        for (String projection : PROJECTIONS) {
            tokens.initializeTokenSegments(projection, 2);
        }
    }

    @AfterAll
    static void stop() {
        context.close();
        mongo.shutdownNow();
    }

    @Test
    void events_commands_and_queries_go_through_the_axon_server_connector() {
        assertWiredToAxonServer(context);
    }

    @Test
    void reads_stay_local_and_every_event_moves_every_token() {
        AxonServerConfiguration axonServer = context.getBean(AxonServerConfiguration.class);
        assertThat(axonServer.isShortcutQueriesToLocalHandlers()).isTrue();
        assertThat(axonServer.isEventBlockListingEnabled()).isFalse();
        // Axon Server SE refuses automatic balancing; nothing asks for it
        assertThat(axonServer.getEventhandling().getProcessors().values())
                .noneMatch(ProcessorSettings::isAutomaticBalancing);
    }

    @Test
    void while_axon_server_is_away_the_read_models_answer_and_health_says_why() throws Exception {
        HttpResponse<String> suppliers = call(context, "auditor:auditor-secret", "GET", "/api/suppliers", null);
        assertThat(suppliers.statusCode()).as(suppliers.body()).isEqualTo(200);
        assertThat(suppliers.body()).contains("\"items\":[]");

        HttpResponse<String> unknown = call(context, "auditor:auditor-secret", "GET", "/api/contracts/ct-1", null);
        assertThat(unknown.statusCode()).isEqualTo(404);

        HttpResponse<String> health = call(context, "admin:admin-secret", "GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"WARN\"", "\"axonServer\"", "reads are answered");

        HttpResponse<String> projections = call(context, "admin:admin-secret", "GET", "/api/admin/projections", null);
        assertThat(projections.statusCode()).as(projections.body()).isEqualTo(200);
        assertThat(projections.body()).contains("\"lag\":null");
    }

    @Test
    void tokens_are_kept_in_mongodb_and_there_is_no_jdbc_database() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
    }

    @Test
    void the_audit_trail_read_from_a_jdbc_event_table_is_not_offered_here() throws Exception {
        HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + context.getEnvironment().getProperty("local.server.port") + "/api/contracts/ct-1/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:auditor-secret".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(events, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(501);
        assertThat(answer.body()).contains("JDBC event table");
    }

    @Test
    void the_query_side_holds_its_projections_and_no_aggregates_or_command_handlers() {
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .containsExactlyInAnyOrder(PROJECTIONS);
        assertThat(beansWithMethodsAnnotated(context, QueryHandler.class)).isNotEmpty();
        assertThat(context.getBeanNamesForAnnotation(Aggregate.class)).isEmpty();
        assertThat(context.getBeansOfType(Repository.class)).isEmpty();
        assertThat(beansWithMethodsAnnotated(context, CommandHandler.class)).isEmpty();
    }
}
