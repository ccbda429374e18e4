package com.contractledger.shared;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * HTTP Basic against {@link UserDetailsService} users that remembers a successful password check for {@code ttl}, so
 * a client sending the same credentials again is not charged another bcrypt verification. An entry is keyed by an
 * HMAC, under a key drawn at random per process, of the user name, the presented password and the stored hash: the
 * password itself is never kept, a changed stored hash no longer matches the entry, and a removed user fails the
 * look-up before the entry is consulted. Failed checks are never remembered. At most {@link #MAX_REMEMBERED} entries,
 * the least recently used forgotten first; a {@code ttl} of zero remembers nothing.
 */
final class RememberedVerifications extends DaoAuthenticationProvider {

    static final int MAX_REMEMBERED = 10_000;
    private static final String HMAC = "HmacSHA256";

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final RecentlyUsed<String, Instant> expiries = new RecentlyUsed<>(MAX_REMEMBERED);

    RememberedVerifications(UserDetailsService users, PasswordEncoder passwordEncoder, Duration ttl, Clock clock) {
        super(users);
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ledger.security.remember-verification must not be negative: " + ttl);
        }
        setPasswordEncoder(passwordEncoder);
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken attempt) {
        if (ttl.isZero() || !(attempt.getCredentials() instanceof String presented)) {
            super.additionalAuthenticationChecks(user, attempt);
            return;
        }
        String entry = entryFor(user.getUsername(), presented, user.getPassword());
        Instant now = clock.instant();
        Instant expiry = expiries.get(entry);
        if (expiry != null && now.isBefore(expiry)) {
            return;
        }
        expiries.remove(entry);
        super.additionalAuthenticationChecks(user, attempt); // throws on a wrong password, which is then not remembered
        expiries.put(entry, now.plus(ttl));
    }

    /** The remembered entries' keys, for tests to inspect. */
    Set<String> rememberedKeys() {
        return expiries.keys();
    }

    private String entryFor(String name, String presented, String storedHash) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            // each part length-prefixed, so no two different triples give the same input
            for (String part : new String[]{name, presented, storedHash}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is part of every Java runtime", e);
        }
    }
}
