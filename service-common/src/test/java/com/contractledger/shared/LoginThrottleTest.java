package com.contractledger.shared;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-30T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5), clock);

    @Test
    void a_user_is_refused_after_the_allowed_failures_until_their_window_has_passed() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusal("buyer", "10.0.0.1")).isEmpty();
            throttle.failed("buyer", "10.0.0.1");
            now = now.plusSeconds(10);
        }
        assertThat(throttle.refusal("buyer", "10.0.0.9")).hasValue(Duration.ofSeconds(270));
        assertThat(throttle.refusal("auditor", "10.0.0.9")).isEmpty();

        now = now.plusSeconds(270);
        assertThat(throttle.refusal("buyer", "10.0.0.9")).isEmpty();
    }

    @Test
    void an_address_is_refused_after_failures_across_many_names() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name-" + i, "10.0.0.2");
        }
        assertThat(throttle.refusal("someone-else", "10.0.0.2")).isPresent();
        assertThat(throttle.refusal("someone-else", "10.0.0.3")).isEmpty();
    }

    @Test
    void a_successful_login_clears_the_users_count() {
        throttle.failed("buyer", "10.0.0.1");
        throttle.failed("buyer", "10.0.0.1");
        throttle.succeeded("buyer");
        throttle.failed("buyer", "10.0.0.1");
        throttle.failed("buyer", "10.0.0.1");
        assertThat(throttle.refusal("buyer", "10.0.0.4")).isEmpty();
    }

    @Test
    void made_up_names_cannot_grow_the_table_without_bound() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 50; i++) {
            throttle.failed("made-up-" + i, null);
        }
        throttle.failed("buyer", null);
        throttle.failed("buyer", null);
        throttle.failed("buyer", null);
        assertThat(throttle.refusal("buyer", "10.0.0.5")).isPresent();
    }
}
