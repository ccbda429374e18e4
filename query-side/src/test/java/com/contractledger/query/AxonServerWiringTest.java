package com.contractledger.query;

import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.query.support.ChainedEvents;
import com.contractledger.query.support.FakeAxonServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.contractledger.shared.ServiceWiring.assertHandlersTimedByTheirUnitOfWork;
import static com.contractledger.shared.ServiceWiring.assertWiredToAxonServer;
import static com.contractledger.shared.ServiceWiring.beansWithMethodsAnnotated;
import static com.contractledger.shared.ServiceWiring.call;
import static com.contractledger.shared.ServiceWiring.closedPort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query-side service on profile {@code axonserver}, started with no Axon Server reachable (the connector keeps
 * trying in the background): it is wired to Axon Server, keeps tokens and views in MongoDB and holds no aggregates.
 * Then an Axon Server (a fake one holding the events of {@link ChainedEvents#walkthrough()}) comes up where the
 * connector looks, and the auditor reads what is stored there; this side has no JDBC database.
 */
class AxonServerWiringTest {

    private static final String[] PROJECTIONS = {"contract-summaries", "contract-history", "dispute-timelines",
            "supplier-profiles", "supplier-scorecards", "milestones", "spend", "supplier-risk"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final MongoServer mongo = new MongoServer(new MemoryBackend());
    private static ConfigurableApplicationContext context;
    private static FakeAxonServer axonServer;

    @BeforeAll
    static void start() throws IOException {
        int axonServerPort = closedPort();
        context = queryService(mongo, axonServerPort);
        axonServer = new FakeAxonServer(axonServerPort);
        new ChainedEvents(axonServer::store).walkthrough();
        axonServer.start();
    }

    /** The query-side service on axonserver, pointed at {@code axonServerPort}, with an auditor and an admin. */
    static ConfigurableApplicationContext queryService(MongoServer mongo, int axonServerPort) {
        String mongoUri = mongo.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            projectionTokensIn(client.getDatabase("ledger"));
        }
        return QuerySideApplication.application().profiles("axonserver").run(
                "--server.port=0",
                "--AXONSERVER_SERVERS=127.0.0.1:" + axonServerPort,
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
        tokens.initializeTokenSegments("webhooks", 2);
    }

    @AfterAll
    static void stop() {
        context.close();
        axonServer.close();
        mongo.shutdownNow();
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
    void reads_stay_local_and_every_event_moves_every_token() {
        AxonServerConfiguration axonServer = context.getBean(AxonServerConfiguration.class);
        assertThat(axonServer.isShortcutQueriesToLocalHandlers()).isTrue();
        assertThat(axonServer.isEventBlockListingEnabled()).isFalse();
        // Axon Server SE refuses automatic balancing; nothing asks for it
        assertThat(axonServer.getEventhandling().getProcessors().values())
                .noneMatch(ProcessorSettings::isAutomaticBalancing);
    }

    @Test
    void tokens_are_kept_in_mongodb_and_there_is_no_jdbc_database() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
    }

    @Test
    void the_auditor_reads_the_events_stored_in_axon_server() throws Exception {
        HttpResponse<String> answer = audit("/api/contracts/ct-2026-001/events", "application/json");
        for (int attempt = 0; answer.statusCode() != 200 && attempt < 50; attempt++) {
            // The connector finds the Axon Server that came up after it on its next attempt to connect.
            Thread.sleep(200);
            answer = audit("/api/contracts/ct-2026-001/events", "application/json");
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode events = JSON.readTree(answer.body());
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("ContractDraftedEvent",
                "ContractSignedEvent", "ContractDeliveredEvent", "ContractPaymentRecordedEvent");
        JsonNode delivery = events.get(2);
        assertThat(delivery.get("revision").asText()).as("as stored").isEqualTo("1");
        assertThat(delivery.get("payload")).isEqualTo(JSON.readTree(ChainedEvents.deliveryStoredAtRevision1()));
        assertThat(delivery.get("globalPosition").isNull()).isTrue();

        JsonNode verified = JSON.readTree(audit("/api/audit/contracts/ct-2026-001/verify", "application/json").body());
        assertThat(verified.get("verified").asBoolean()).isTrue();
        assertThat(verified.get("events").asLong()).isEqualTo(4);
        assertThat(JSON.readTree(audit("/api/audit/suppliers/sup-002/verify", "application/json").body())
                .get("verified").asBoolean()).isTrue();

        JsonNode delivered = JSON.readTree(
                audit("/api/contracts/ct-2026-001/state?version=2", "application/json").body());
        assertThat(delivered.at("/deliveries/0/delivered").decimalValue()).isEqualByComparingTo("6000");

        HttpResponse<String> export = audit("/api/audit/export?supplierId=sup-001", "application/x-ndjson");
        assertThat(export.statusCode()).isEqualTo(200);
        List<Long> positions = new ArrayList<>();
        for (String line : export.body().lines().toList()) {
            positions.add(JSON.readTree(line).get("globalPosition").asLong());
        }
        assertThat(positions).as("up to the newest event, though Axon Server's stream goes on")
                .containsExactly(0L, 1L, 4L, 5L, 7L);

        HttpResponse<String> badFrom = audit("/api/audit/export?from=monday", "application/x-ndjson");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(badFrom.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static HttpResponse<String> audit(String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + context.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:auditor-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_query_side_holds_its_projections_and_no_aggregates_or_command_handlers() {
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .containsAll(List.of(PROJECTIONS)).hasSize(PROJECTIONS.length + 1).contains("webhooks");
        assertThat(beansWithMethodsAnnotated(context, QueryHandler.class)).isNotEmpty();
        assertThat(context.getBeanNamesForAnnotation(Aggregate.class)).isEmpty();
        assertThat(context.getBeansOfType(Repository.class)).isEmpty();
        assertThat(beansWithMethodsAnnotated(context, CommandHandler.class)).isEmpty();
    }
}
