package com.contractledger.query;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.http.HttpResponse;

import static com.contractledger.shared.ServiceWiring.call;
import static com.contractledger.shared.ServiceWiring.closedPort;
import static org.assertj.core.api.Assertions.assertThat;

/** The query-side service on axonserver while Axon Server is away: it answers from its read models and says why. */
class AxonServerAwayTest {

    private static final MongoServer mongo = new MongoServer(new MemoryBackend());
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws IOException {
        context = AxonServerWiringTest.queryService(mongo, closedPort());
    }

    @AfterAll
    static void stop() {
        context.close();
        mongo.shutdownNow();
    }

    @Test
    void the_read_models_answer_and_health_says_why() throws Exception {
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
    void an_audit_read_needs_the_event_store_and_answers_503_with_retry_after() throws Exception {
        HttpResponse<String> events = call(context, "auditor:auditor-secret", "GET", "/api/contracts/ct-1/events",
                null);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(503);
        assertThat(events.headers().firstValue("Retry-After")).isPresent();
    }
}
