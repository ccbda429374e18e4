package com.contractledger.api.serialization;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form the README documents, so that an auditor's own tool computes the same hashes. */
class HashChainTest {

    @Test
    void the_canonical_payload_sorts_keys_drops_whitespace_and_keeps_numbers_as_written() {
        String stored = "{ \"z\": 1, \"a\": {\"y\": [3, 0.850, 1E+4], \"b\": null},\n \"m\": \"Wang \\\"Li\\\"\\n\" }";
        assertThat(HashChain.canonicalJson(stored.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":{\"b\":null,\"y\":[3,0.850,1E+4]},\"m\":\"Wang \\\"Li\\\"\\n\",\"z\":1}");
    }

    @Test
    void non_ascii_text_stays_as_utf8_and_control_characters_are_escaped_in_upper_case_hex() {
        String stored = "{\"name\":\"华东精密\",\"bell\":\"\\u0007\"}";
        assertThat(HashChain.canonicalJson(stored.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"bell\":\"\\u0007\",\"name\":\"华东精密\"}");
    }

    @Test
    void the_hash_is_sha256_of_the_documented_link() throws Exception {
        byte[] payload = "{\"b\":2,\"a\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String link = "[\"prev\",\"ct-1\",4,\"ev-1\",\"com.example.Event\",\"2026-11-25T09:30:00.123Z\",\"buyer\","
                + "{\"a\":\"x\",\"b\":2}]";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(link.getBytes(StandardCharsets.UTF_8)));

        assertThat(HashChain.hash("prev", "ct-1", 4, "ev-1", "com.example.Event", "2026-11-25T09:30:00.123Z", "buyer",
                payload)).isEqualTo(expected);
        assertThat(HashChain.hash("prev", "ct-1", 4, "ev-1", "com.example.Event", "2026-11-25T09:30:00.123Z", null,
                payload)).isNotEqualTo(expected);
    }

    @Test
    void any_change_of_a_covered_field_changes_the_hash() {
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String base = HashChain.hash("p", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.000Z", "buyer", payload);
        assertThat(HashChain.hash("q", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.000Z", "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-2", 0, "e", "T", "2026-01-01T00:00:00.000Z", "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-1", 1, "e", "T", "2026-01-01T00:00:00.000Z", "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-1", 0, "f", "T", "2026-01-01T00:00:00.000Z", "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-1", 0, "e", "U", "2026-01-01T00:00:00.000Z", "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.001Z", "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.000Z", "admin", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash("p", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.000Z", "buyer",
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
        // Whitespace and key order of the stored JSON are not part of the hash.
        assertThat(HashChain.hash("p", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.000Z", "buyer",
                "{ \"a\" : 1 }".getBytes(StandardCharsets.UTF_8))).isEqualTo(base);
    }

    @Test
    void duplicate_keys_are_not_canonical() {
        assertThatThrownBy(() -> HashChain.canonicalJson("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
