package com.contractledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may log in on which profile, and the role rules that hold before any controller runs. */
class SecurityIT {

    @TempDir
    Path dataDir;

    @Test
    void demo_users_take_their_password_from_the_environment_and_roles_gate_each_area() throws Exception {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, "--ledger.security.demo-password=s3cret")) {
            assertThat(ledger.get("buyer", "demo", "/actuator/health").status()).isEqualTo(401);
            assertThat(ledger.get("buyer", "s3cret", "/actuator/health").status()).isEqualTo(200);

            assertThat(ledger.get(null, "/actuator/health").body()).contains("UP").doesNotContain("components");
            for (String reader : new String[]{"buyer", "auditor", "compliance", "dashboard"}) {
                assertThat(ledger.get(reader, "s3cret", "/actuator/health").body()).contains("UP")
                        .doesNotContain("components");
            }
            assertThat(ledger.get("admin", "s3cret", "/actuator/health").body()).contains("components", "diskSpace");
            assertThat(ledger.get(null, "/actuator/prometheus").status()).isEqualTo(401);
            // the stores' files are the owner's alone
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(ledger.get("dashboard", "s3cret", "/actuator/prometheus").status()).isEqualTo(403);
            LedgerProcess.Reply metrics = ledger.get("admin", "s3cret", "/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");

            assertThat(ledger.get("dashboard", "s3cret", "/api/contracts/ct-1/history").status()).isEqualTo(403);
            assertThat(ledger.get("buyer", "s3cret", "/api/contracts/ct-1/events").status()).isEqualTo(403);
            assertThat(ledger.get("buyer", "s3cret", "/api/audit/contracts/ct-1/verify").status()).isEqualTo(403);
            assertThat(ledger.get("dashboard", "s3cret", "/api/audit/export").status()).isEqualTo(403);
            assertThat(ledger.get("auditor", "s3cret", "/api/admin/projections").status()).isEqualTo(403);
            assertThat(ledger.get(null, "/api/contracts").status()).isEqualTo(401);
        }
    }

    @Test
    void any_other_profile_has_no_default_users() {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, "--spring.profiles.active=site",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ledger") + ";WRITE_DELAY=0",
                "--spring.sql.init.mode=always", "--spring.sql.init.schema-locations=classpath:schema/h2.sql",
                "--ledger.embedded-mongo.enabled=true", "--axon.axonserver.enabled=false")) {
            for (String user : new String[]{"buyer", "auditor", "compliance", "dashboard", "admin"}) {
                assertThat(ledger.get(user, "demo", "/api/contracts").status()).as(user).isEqualTo(401);
            }
        }
    }

    @Test
    void repeated_failed_logins_are_refused_with_429_before_any_password_is_checked() {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, "--ledger.security.login-throttle.failures-per-user=3")) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(ledger.get("compliance", "wrong-" + attempt, "/api/contracts").status()).isEqualTo(401);
            }
            LedgerProcess.Reply throttled = ledger.get("compliance", "demo", "/api/contracts");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
            assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
            // another user from the same address is not held back
            assertThat(ledger.get("auditor", "demo", "/api/contracts").status()).isEqualTo(200);
        }
    }

    @Test
    void refused_bearer_tokens_count_against_the_clients_address_as_failed_logins_do() throws Exception {
        try (LoopbackIdentityProvider provider = LoopbackIdentityProvider.start();
             LedgerProcess ledger = LedgerProcess.start(dataDir, "--ledger.oidc.issuer-uri=" + provider.issuer(),
                     "--ledger.oidc.jwk-set-uri=" + provider.jwkSetUri(),
                     "--ledger.oidc.audience=" + LoopbackIdentityProvider.AUDIENCE,
                     "--ledger.security.login-throttle.failures-per-address=3")) {
            String valid = provider.bearer("buyer@example.com", "BUYER");
            assertThat(ledger.get(valid, "/api/contracts").status()).isEqualTo(200);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(ledger.get("Bearer forged-" + attempt, "/api/contracts").status()).isEqualTo(401);
            }
            LedgerProcess.Reply throttled = ledger.get(valid, "/api/contracts");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
            assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void a_verified_password_is_remembered_and_a_wrong_one_still_fails_and_is_throttled() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("clerk's password");
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, List.of(CountingPasswordEncoder.class),
                "--ledger.security.users[0].name=clerk", "--ledger.security.users[0].password=" + hash,
                "--ledger.security.users[0].roles=BUYER", "--ledger.security.login-throttle.failures-per-user=2")) {
            CountingPasswordEncoder encoder = ledger.bean(CountingPasswordEncoder.class);
            for (int request = 0; request < 5; request++) {
                assertThat(ledger.get("clerk", "clerk's password", "/api/contracts").status()).isEqualTo(200);
            }
            assertThat(encoder.checks()).isEqualTo(1);

            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(ledger.get("clerk", "wrong", "/api/contracts").status()).isEqualTo(401);
            }
            assertThat(encoder.checks()).isEqualTo(3);
            // throttled before any check, a remembered one included
            assertThat(ledger.get("clerk", "clerk's password", "/api/contracts").status()).isEqualTo(429);
            assertThat(encoder.checks()).isEqualTo(3);
        }
    }

    /** The application's password encoder, counting its checks (a source of the test's, not found by the scan). */
    static class CountingPasswordEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private final AtomicInteger checks = new AtomicInteger();

        int checks() {
            return checks.get();
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    }
}
