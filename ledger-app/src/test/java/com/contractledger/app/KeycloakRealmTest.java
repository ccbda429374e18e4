package com.contractledger.app;

import com.contractledger.shared.LedgerSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm the compose override imports holds what the ledger relies on, and the override gives the services
 * the issuer, keys and audience of that realm: a change to either file that breaks sign-in fails here, not at a
 * deployment.
 */
class KeycloakRealmTest {

    private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();

    private final JsonNode realm = new ObjectMapper().readTree(
            Files.readString(DOCKER.resolve("keycloak/contract-ledger-realm.json")));
    private final Map<String, Object> ledgerSettings = ledgerSettings();

    KeycloakRealmTest() throws IOException {
    }

    @Test
    void the_realm_defines_the_five_roles_of_the_ledger() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder(LedgerSecurity.BUYER, LedgerSecurity.AUDITOR,
                LedgerSecurity.COMPLIANCE, LedgerSecurity.DASHBOARD, LedgerSecurity.ADMIN);
    }

    @Test
    void people_sign_in_through_a_public_client_with_the_authorization_code_and_pkce_s256_only() {
        JsonNode console = client("ledger-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.path("redirectUris")).isNotEmpty()
                .allSatisfy(uri -> assertThat(uri.asText()).isNotEqualTo("*"));
    }

    @Test
    void the_console_signs_in_as_that_client_and_is_sent_back_to_its_sign_in_page_only() {
        // the page the console's script gives as redirect_uri and post_logout_redirect_uri, through the front
        String signInPage = "http://localhost:8080/console/login";
        String clientId = (String) ledgerSettings.getOrDefault("LEDGER_OIDC_CONSOLE_CLIENT_ID", "ledger-console");
        JsonNode console = client(clientId);
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("redirectUris")).singleElement()
                .satisfies(uri -> assertThat(uri.asText()).isEqualTo(signInPage));
        assertThat(console.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo(signInPage);
        // the page fetches the token endpoint from its own origin: "+" allows the origins of the redirect URIs
        assertThat(console.path("webOrigins")).singleElement()
                .satisfies(origin -> assertThat(origin.asText()).isIn("+", "http://localhost:8080"));
        // the query side reads the sign-in endpoints from this realm's discovery document, inside the compose network
        assertThat((String) ledgerSettings.get("LEDGER_OIDC_DISCOVERY_URI")).isEqualTo("http://keycloak:8080/realms/"
                + realm.path("realm").asText() + "/.well-known/openid-configuration");
    }

    @Test
    void programs_get_tokens_by_client_credentials_with_a_ledger_role_and_no_committed_secret() {
        JsonNode program = client("ledger-erp-sync");
        assertThat(program.path("publicClient").asBoolean()).isFalse();
        assertThat(program.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(program.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(program.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(program.has("secret")).as("a client secret in version control").isFalse();

        JsonNode serviceAccount = null;
        for (JsonNode user : realm.path("users")) {
            if ("ledger-erp-sync".equals(user.path("serviceAccountClientId").asText())) {
                serviceAccount = user;
            }
        }
        assertThat(serviceAccount).as("the service account of ledger-erp-sync").isNotNull();
        List<String> roles = new ArrayList<>();
        serviceAccount.path("realmRoles").forEach(role -> roles.add(role.asText()));
        assertThat(roles).contains(LedgerSecurity.BUYER);
    }

    @Test
    void every_client_puts_the_audience_the_services_require_into_access_tokens() {
        String audience = (String) ledgerSettings.get("LEDGER_OIDC_AUDIENCE");
        assertThat(audience).isNotBlank();
        assertThat(realm.path("clients")).isNotEmpty();
        for (JsonNode client : realm.path("clients")) {
            List<JsonNode> audienceMappers = new ArrayList<>();
            client.path("protocolMappers").forEach(mapper -> {
                if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())) {
                    audienceMappers.add(mapper.path("config"));
                }
            });
            assertThat(audienceMappers).as(client.path("clientId").asText()).singleElement().satisfies(config -> {
                assertThat(config.path("included.custom.audience").asText()).isEqualTo(audience);
                assertThat(config.path("access.token.claim").asText()).isEqualTo("true");
            });
            // the ledger reads realm_access.roles, which Keycloak's "roles" scope puts into tokens
            if (client.has("defaultClientScopes")) {
                assertThat(client.path("defaultClientScopes").toString()).contains("\"roles\"");
            }
        }
    }

    @Test
    void no_password_is_committed_with_the_realm() {
        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("credentials")).as(user.path("username").asText()).isFalse();
            assertThat(user.path("serviceAccountClientId").asText()).as("only service accounts are imported")
                    .isNotEmpty();
        }
    }

    @Test
    void the_services_check_this_realm_as_issuer_and_fetch_its_keys() {
        String realmPath = "/realms/" + realm.path("realm").asText();
        assertThat((String) ledgerSettings.get("LEDGER_OIDC_ISSUER_URI")).endsWith(realmPath);
        assertThat((String) ledgerSettings.get("LEDGER_OIDC_JWK_SET_URI"))
                .endsWith(realmPath + "/protocol/openid-connect/certs");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    /** The environment the override gives the command side (the query side gets the same anchor). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ledgerSettings() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.keycloak.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> commandSide = (Map<String, Object>) services.get("command-side");
        Map<String, Object> querySide = (Map<String, Object>) services.get("query-side");
        assertThat(querySide.get("environment")).isEqualTo(commandSide.get("environment"));
        return (Map<String, Object>) commandSide.get("environment");
    }
}
