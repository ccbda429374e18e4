package com.contractledger.shared;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedVerificationsTest {

    private static final String PASSWORD = "correct horse";
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Counts the password checks that reach the real encoder. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return delegate.matches(raw, encoded);
        }
    }

    private final Map<String, UserDetails> users = new ConcurrentHashMap<>();
    private final CountingEncoder encoder = new CountingEncoder();
    private final RememberedVerifications provider = new RememberedVerifications(
            name -> Optional.ofNullable(users.get(name)).map(user -> User.withUserDetails(user).build())
                    .orElseThrow(() -> new UsernameNotFoundException("no user " + name)),
            encoder, Duration.ofMinutes(5), clock);

    RememberedVerificationsTest() {
        store("buyer", PASSWORD);
    }

    private void store(String name, String password) {
        users.put(name, User.withUsername(name).password("{bcrypt}" + BCRYPT.encode(password)).roles("BUYER").build());
    }

    private Authentication login(String name, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    @Test
    void a_correct_password_is_verified_once_and_then_answered_from_memory() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("buyer", PASSWORD).isAuthenticated()).isTrue();
        }
        assertThat(encoder.checks).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_never_remembered_and_keeps_failing() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("buyer", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(encoder.checks).isEqualTo(3);
        assertThat(provider.rememberedKeys()).isEmpty();
    }

    @Test
    void a_remembered_password_does_not_let_another_password_in() {
        login("buyer", PASSWORD);

        assertThatThrownBy(() -> login("buyer", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).isEqualTo(2);
    }

    @Test
    void a_changed_password_takes_effect_at_once() {
        login("buyer", PASSWORD);
        store("buyer", "a new one");

        assertThatThrownBy(() -> login("buyer", PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(login("buyer", "a new one").isAuthenticated()).isTrue();
    }

    @Test
    void a_removed_user_is_refused_at_once() {
        login("buyer", PASSWORD);
        users.remove("buyer");

        assertThatThrownBy(() -> login("buyer", PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_remembered_verification_expires_after_its_time() {
        login("buyer", PASSWORD);
        now = now.plus(Duration.ofMinutes(5)).minusSeconds(1);
        login("buyer", PASSWORD);
        assertThat(encoder.checks).isEqualTo(1);

        now = now.plusSeconds(1);
        login("buyer", PASSWORD);
        assertThat(encoder.checks).isEqualTo(2);
    }

    @Test
    void a_time_of_zero_remembers_nothing() {
        RememberedVerifications forgetful = new RememberedVerifications(
                name -> User.withUserDetails(users.get(name)).build(), encoder, Duration.ZERO, clock);
        for (int i = 0; i < 3; i++) {
            forgetful.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("buyer", PASSWORD));
        }
        assertThat(encoder.checks).isEqualTo(3);
        assertThat(forgetful.rememberedKeys()).isEmpty();
    }

    @Test
    void the_remembered_key_holds_neither_the_password_nor_the_name() {
        login("buyer", PASSWORD);

        assertThat(provider.rememberedKeys()).singleElement().satisfies(key -> assertThat(key)
                .matches("[0-9a-f]{64}").doesNotContain(PASSWORD).doesNotContain("buyer"));
    }

    @Test
    void each_user_is_remembered_on_their_own() {
        store("auditor", PASSWORD);
        login("buyer", PASSWORD);
        login("auditor", PASSWORD);
        login("auditor", PASSWORD);

        assertThat(encoder.checks).isEqualTo(2);
        assertThat(provider.rememberedKeys()).hasSize(2);
    }

    @Test
    void at_most_a_bounded_number_of_verifications_is_remembered() {
        for (int i = 0; i <= RememberedVerifications.MAX_REMEMBERED; i++) {
            users.put("user-" + i, User.withUsername("user-" + i).password("{noop}pw").roles("BUYER").build());
            login("user-" + i, "pw");
        }
        assertThat(provider.rememberedKeys()).hasSize(RememberedVerifications.MAX_REMEMBERED);

        login("user-0", "pw");
        assertThat(encoder.checks).isEqualTo(RememberedVerifications.MAX_REMEMBERED + 2);
    }
}
