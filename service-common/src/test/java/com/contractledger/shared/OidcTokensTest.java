package com.contractledger.shared;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OidcTokensTest {

    private static final OidcTokens.Properties KEYCLOAK = new OidcTokens.Properties(null, null, "ledger",
            "realm_access.roles", "preferred_username", Duration.ofSeconds(30));

    @Test
    void keycloak_realm_roles_name_the_ledger_roles_case_aside_and_other_roles_are_ignored() {
        Jwt token = token(Map.of("sub", "s-1", "preferred_username", "alice",
                "realm_access", Map.of("roles", List.of("buyer", "Auditor", "offline_access"))));
        assertThat(names(OidcTokens.roles(token, "realm_access.roles"))).containsExactly("ROLE_BUYER", "ROLE_AUDITOR");
    }

    @Test
    void entra_roles_sit_in_a_top_level_claim() {
        Jwt token = token(Map.of("sub", "s-1", "roles", List.of("COMPLIANCE", "Ledger.Reader")));
        assertThat(names(OidcTokens.roles(token, "roles"))).containsExactly("ROLE_COMPLIANCE");
    }

    @Test
    void a_missing_or_misshapen_claim_gives_no_role() {
        Jwt token = token(Map.of("sub", "s-1", "realm_access", "ADMIN"));
        assertThat(OidcTokens.roles(token, "realm_access.roles")).isEmpty();
        assertThat(OidcTokens.roles(token, "groups")).isEmpty();
    }

    @Test
    void the_actor_is_the_configured_claim_or_else_the_subject() {
        assertThat(OidcTokens.authentication(token(Map.of("sub", "s-1", "preferred_username", "alice")), KEYCLOAK)
                .getName()).isEqualTo("alice");
        assertThat(OidcTokens.authentication(token(Map.of("sub", "s-1")), KEYCLOAK).getName()).isEqualTo("s-1");
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").claims(all -> all.putAll(claims))
                .issuedAt(Instant.now()).build();
    }

    private static List<String> names(List<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
