package com.contractledger.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per user name and per client address: once either has failed {@code maxFailures} times
 * within {@code window}, its next attempts are refused until the window that holds those failures has passed, before
 * any password is checked. A successful login clears the user's count (not the address's: one good password does not
 * vouch for the other names tried from there). The table holds at most {@link #MAX_TRACKED} keys per kind, so made-up
 * names cannot exhaust memory; past that, the oldest windows are forgotten first.
 */
final class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    private record Failures(Instant windowStart, int count) {
    }

    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Clock clock) {
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long the attempt must wait, or empty when it may go ahead. */
    Optional<Duration> refusal(String user, String address) {
        Instant now = clock.instant();
        Optional<Duration> forUser = user == null ? Optional.empty()
                : wait(byUser.get(user), maxFailuresPerUser, now);
        Optional<Duration> forAddress = wait(byAddress.get(address), maxFailuresPerAddress, now);
        return forUser.isPresent() ? forUser : forAddress;
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        count(byUser, user, now);
        count(byAddress, address, now);
    }

    void succeeded(String user) {
        byUser.remove(user);
    }

    private Optional<Duration> wait(Failures failures, int max, Instant now) {
        if (failures == null || failures.count() < max) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, failures.windowStart().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private void count(Map<String, Failures> table, String key, Instant now) {
        if (key == null) {
            return;
        }
        if (table.size() >= MAX_TRACKED && !table.containsKey(key)) {
            forgetExpired(table, now);
            if (table.size() >= MAX_TRACKED) {
                table.entrySet().stream().min(Map.Entry.comparingByValue(
                                (a, b) -> a.windowStart().compareTo(b.windowStart())))
                        .ifPresent(oldest -> table.remove(oldest.getKey()));
            }
        }
        table.merge(key, new Failures(now, 1), (current, one) -> current.windowStart().plus(window).isAfter(now)
                ? new Failures(current.windowStart(), current.count() + 1)
                : one);
    }

    private void forgetExpired(Map<String, Failures> table, Instant now) {
        table.values().removeIf(failures -> !failures.windowStart().plus(window).isAfter(now));
    }
}
