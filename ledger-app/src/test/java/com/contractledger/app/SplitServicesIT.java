package com.contractledger.app;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-side and the query-side service, each started alone from its executable jar on a port of its own,
 * sharing one event store as the postgres topology does: here an H2 file both reach through H2's automatic server mode
 * (test properties only), and an in-test MongoDB wire server for the query side's views and tokens.
 */
class SplitServicesIT {

    private static final String BUYER = "buyer:buyer-secret";
    private static final String ADMIN = "admin:admin-secret";
    private static final String DASHBOARD = "dashboard:dashboard-secret";

    @TempDir
    Path dir;

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private ServiceProcess commandSide;
    private ServiceProcess querySide;

    @AfterEach
    void stop() throws InterruptedException {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        mongo.shutdownNow();
    }

    @Test
    void each_service_runs_alone_and_a_write_on_the_command_side_is_read_on_the_query_side() throws Exception {
        startServices(users());

        HttpResponse<String> onboarded = commandSide.post(BUYER, "/api/suppliers", LedgerFixtures.supplier("sup-split"));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        HttpResponse<String> profile = awaitFound(querySide, BUYER, "/api/suppliers/sup-split");
        assertThat(profile.body()).contains("\"id\":\"sup-split\"", "Huadong Precision Parts");

        // each side serves its own endpoints only
        assertThat(querySide.post(BUYER, "/api/suppliers", LedgerFixtures.supplier("sup-other")).statusCode())
                .isIn(404, 405);
        assertThat(commandSide.get(BUYER, "/api/suppliers/sup-split").statusCode()).isIn(404, 405);
        // and its own security: the same roles on both
        assertThat(commandSide.post(DASHBOARD, "/api/suppliers", LedgerFixtures.supplier("sup-x")).statusCode())
                .isEqualTo(403);
        assertThat(querySide.get(DASHBOARD, "/api/admin/projections").statusCode()).isEqualTo(403);
        assertThat(querySide.get(null, "/api/suppliers/sup-split").statusCode()).isEqualTo(401);

        assertThat(metrics(commandSide)).contains("commandBus_", "eventStore_").doesNotContain("ledger_projection_");
        assertThat(metrics(querySide)).contains("ledger_projection_lag{", "eventProcessor_")
                .doesNotContain("commandBus_");
        assertThat(commandSide.get(DASHBOARD, "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(commandSide.get(null, "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(querySide.get(null, "/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void both_services_accept_the_same_tokens_from_the_identity_provider() throws Exception {
        try (LoopbackIdentityProvider provider = LoopbackIdentityProvider.start("https://sso.example/realms/ledger")) {
            Map<String, String> environment = users();
            // as the Keycloak override of the compose files sets them: the public issuer, the keys fetched inside
            environment.put("LEDGER_OIDC_ISSUER_URI", provider.issuer());
            environment.put("LEDGER_OIDC_JWK_SET_URI", provider.jwkSetUri());
            environment.put("LEDGER_OIDC_AUDIENCE", LoopbackIdentityProvider.AUDIENCE);
            startServices(environment);
            String buyer = provider.bearer("buyer@example.com", "BUYER");

            HttpResponse<String> onboarded = commandSide.post(buyer, "/api/suppliers",
                    LedgerFixtures.supplier("sup-token"));
            assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
            assertThat(awaitFound(querySide, buyer, "/api/suppliers/sup-token").body())
                    .contains("\"id\":\"sup-token\"");

            assertThat(querySide.get(buyer, "/api/admin/projections").statusCode()).isEqualTo(403);
            assertThat(commandSide.get(buyer, "/actuator/prometheus").statusCode()).isEqualTo(403);
            assertThat(querySide.get(provider.bearer("admin@example.com", "ADMIN"), "/api/admin/projections")
                    .statusCode()).isEqualTo(200);
            String dashboard = provider.bearer("wall@example.com", "DASHBOARD");
            assertThat(commandSide.post(dashboard, "/api/suppliers", LedgerFixtures.supplier("sup-y")).statusCode())
                    .isEqualTo(403);
            String foreign = LoopbackIdentityProvider.bearer(LoopbackIdentityProvider.sign(
                    provider.claims("buyer@example.com", "BUYER"),
                    new RSAKeyGenerator(2048).keyID("provider-key").generate()));
            for (ServiceProcess service : List.of(commandSide, querySide)) {
                HttpResponse<String> refused = service.get(foreign, "/api/suppliers");
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                        value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
            }
            // the configured service users keep HTTP Basic beside the tokens
            assertThat(metrics(querySide)).contains("ledger_projection_lag{");
        }
    }

    /** The command side, then the query side on the same event store and the in-test MongoDB, both healthy. */
    private void startServices(Map<String, String> environment) throws Exception {
        String events = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("events") + ";AUTO_SERVER=TRUE";
        commandSide = ServiceProcess.start("command-side", serviceJar("command-side"), List.of(h2Jar()), environment,
                List.of(events, "--axon.axonserver.enabled=false", "--spring.sql.init.mode=always",
                        "--spring.sql.init.schema-locations=classpath:schema/h2.sql"), dir).awaitHealthy();
        environment.put("MONGODB_URI", mongo.bindAndGetConnectionString() + "/ledger");
        // the wire server does not know the "hello" command of Spring Boot's MongoDB health check
        querySide = ServiceProcess.start("query-side", serviceJar("query-side"), List.of(h2Jar()), environment,
                List.of(events, "--axon.axonserver.enabled=false", "--management.health.mongo.enabled=false"), dir)
                .awaitHealthy();
    }

    private static String metrics(ServiceProcess service) {
        HttpResponse<String> scrape = service.get(ADMIN, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }

    private static HttpResponse<String> awaitFound(ServiceProcess service, String credentials, String path)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> answer = service.get(credentials, path);
        while (answer.statusCode() == 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = service.get(credentials, path);
        }
        assertThat(answer.statusCode()).as(path + " on the query side; its log ends with:\n" + service.logTail())
                .isEqualTo(200);
        return answer;
    }

    /** Users as an operator configures them: names, {bcrypt} hashes and roles from the environment. */
    private static Map<String, String> users() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        Map<String, String> environment = new HashMap<>();
        List<String> credentials = List.of(BUYER, ADMIN, DASHBOARD);
        for (int i = 0; i < credentials.size(); i++) {
            String[] user = credentials.get(i).split(":");
            environment.put("LEDGER_SECURITY_USERS_" + i + "_NAME", user[0]);
            environment.put("LEDGER_SECURITY_USERS_" + i + "_PASSWORD", "{bcrypt}" + bcrypt.encode(user[1]));
            environment.put("LEDGER_SECURITY_USERS_" + i + "_ROLES", user[0].toUpperCase());
        }
        return environment;
    }

    private static Path serviceJar(String module) {
        return Path.of("..", module, "target", module + "-service.jar").toAbsolutePath().normalize();
    }

    private static Path h2Jar() throws URISyntaxException {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
