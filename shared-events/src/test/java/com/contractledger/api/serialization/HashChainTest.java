package com.contractledger.api.serialization;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form docs/auditing.md documents, so that an auditor's own tool computes the same hashes. */
class HashChainTest {

    private static final String T = "2026-01-01T00:00:00.000Z";

    @Test
    void the_canonical_payload_sorts_keys_drops_whitespace_and_keeps_numbers_as_written() {
        String stored = "{ \"z\": 1, \"a\": {\"y\": [3, 0.850, 1E+4], \"b\": null},\n \"m\": \"Wang \\\"Li\\\"\\n\" }";
        assertThat(HashChain.canonicalJson(2, stored.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":{\"b\":null,\"y\":[3,0.850,1E+4]},\"m\":\"Wang \\\"Li\\\"\\n\",\"z\":1}");
    }

    @Test
    void non_ascii_text_stays_as_utf8_and_control_characters_are_escaped_in_upper_case_hex() {
        String stored = "{\"name\":\"华东精密\",\"bell\":\"\\u0007\"}";
        assertThat(HashChain.canonicalJson(2, stored.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"bell\":\"\\u0007\",\"name\":\"华东精密\"}");
    }

    @Test
    void scheme_2_escapes_unpaired_surrogates_in_upper_case_hex_and_keeps_pairs_as_utf8() {
        // As the serializer stores them: every surrogate escaped, here in lower case.
        String stored = "{\"k\":\"\\ud800|x\\udc00y|\\ud83d\\ude00|\\ud800\\ud800\\udc00\\udc00|\\\\ud800\"}";
        assertThat(HashChain.canonicalJson(2, stored.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"k\":\"\\uD800|x\\uDC00y|\uD83D\uDE00|\\uD800\uD800\uDC00\\uDC00|\\\\ud800\"}");
    }

    @Test
    void the_hash_is_sha256_of_the_documented_link_which_scheme_2_begins_with_its_number() throws Exception {
        byte[] payload = "{\"b\":2,\"a\":\"x\\ud800\"}".getBytes(StandardCharsets.UTF_8);
        String fields = "\"prev\",\"ct-1\",4,\"ev-1\",\"com.example.Event\",\"2026-11-25T09:30:00.123Z\",\"buyer\",";

        assertThat(HashChain.hash(2, "prev", "ct-1", 4, "ev-1", "com.example.Event", "2026-11-25T09:30:00.123Z",
                "buyer", payload)).isEqualTo(sha256("[2," + fields + "{\"a\":\"x\\uD800\",\"b\":2}]"));
        assertThat(HashChain.hash(2, "prev", "ct-1", 4, "ev-1", "com.example.Event", "2026-11-25T09:30:00.123Z",
                null, payload)).isNotEqualTo(sha256("[2," + fields + "{\"a\":\"x\\uD800\",\"b\":2}]"));
        // Scheme 1, as events stored before scheme 2 were hashed: the lone surrogate became '?'.
        assertThat(HashChain.hash(1, "prev", "ct-1", 4, "ev-1", "com.example.Event", "2026-11-25T09:30:00.123Z",
                "buyer", payload)).isEqualTo(sha256("[" + fields + "{\"a\":\"x?\",\"b\":2}]"));
    }

    @Test
    void a_stored_scheme_1_hash_still_recomputes() {
        // The hash of ct-2026-002's note in query-side's stored-events/chain-scheme-1.ndjson.
        byte[] payload = "{\"contractId\":\"ct-2026-002\",\"disputeId\":\"dp-1\",\"text\":\"x\\uDC00y\",\"evidenceRefs\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(HashChain.hash(1, "8bd506705fded1f153751a5dc32f33ac59159f8c0b26a396a76ae630b3f2c5dd", "ct-2026-002",
                3, "0d896fbb-823a-48ac-bc7d-697de773aa3d", "com.contractledger.api.contract.DisputeNoteAddedEvent",
                "2026-11-20T08:10:00.123Z", "buyer", payload))
                .isEqualTo("33ae336ea1abe206921fc51ab55582c3fa1d2f45b8faaa1291896c73569e6a71");
    }

    @Test
    void texts_that_scheme_1_confused_hash_apart_under_scheme_2() {
        for (String[] pair : new String[][]{{"\\ud800", "?"}, {"x\\uDC00y", "x\\uDBFFy"}, {"\\ud800", "\\uDBFF"}}) {
            byte[] one = ("{\"text\":\"" + pair[0] + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] other = ("{\"text\":\"" + pair[1] + "\"}").getBytes(StandardCharsets.UTF_8);
            assertThat(HashChain.hash(1, "p", "ct-1", 0, "e", "T", T, "buyer", one))
                    .as("the flaw of scheme 1").isEqualTo(HashChain.hash(1, "p", "ct-1", 0, "e", "T", T, "buyer", other));
            assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "buyer", one)).as(pair[0] + " vs " + pair[1])
                    .isNotEqualTo(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "buyer", other));
        }
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "\uD800", payload))
                .isNotEqualTo(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "?", payload));
        assertThat(HashChain.hash(2, "p", "ct-\uDC00", 0, "e", "T", T, "buyer", payload))
                .isNotEqualTo(HashChain.hash(2, "p", "ct-\uDBFF", 0, "e", "T", T, "buyer", payload));
    }

    @Test
    void a_scheme_2_event_does_not_verify_as_scheme_1_nor_under_an_unknown_scheme() {
        byte[] lone = "{\"text\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8);
        byte[] question = "{\"text\":\"?\"}".getBytes(StandardCharsets.UTF_8);
        String stamped = HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "buyer", lone);
        assertThat(HashChain.hash(1, "p", "ct-1", 0, "e", "T", T, "buyer", lone)).isNotEqualTo(stamped);
        assertThat(HashChain.hash(1, "p", "ct-1", 0, "e", "T", T, "buyer", question)).isNotEqualTo(stamped);
        assertThatThrownBy(() -> HashChain.hash(3, "p", "ct-1", 0, "e", "T", T, "buyer", lone))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(HashChain.scheme(null)).isEqualTo(1);
        assertThat(HashChain.scheme(2)).isEqualTo(2);
        assertThat(HashChain.scheme(2L)).isEqualTo(2);
        assertThat(HashChain.scheme("2")).isEqualTo(2);
        for (Object unknown : new Object[]{1, 3, 2.0, true, "two"}) {
            assertThatThrownBy(() -> HashChain.scheme(unknown)).as(unknown.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void any_change_of_a_covered_field_changes_the_hash() {
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String base = HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "buyer", payload);
        assertThat(HashChain.hash(2, "q", "ct-1", 0, "e", "T", T, "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-2", 0, "e", "T", T, "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-1", 1, "e", "T", T, "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "f", "T", T, "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "U", T, "buyer", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "T", "2026-01-01T00:00:00.001Z", "buyer", payload))
                .isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "admin", payload)).isNotEqualTo(base);
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "buyer",
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
        assertThat(HashChain.hash(1, "p", "ct-1", 0, "e", "T", T, "buyer", payload)).isNotEqualTo(base);
        // Whitespace and key order of the stored JSON are not part of the hash.
        assertThat(HashChain.hash(2, "p", "ct-1", 0, "e", "T", T, "buyer",
                "{ \"a\" : 1 }".getBytes(StandardCharsets.UTF_8))).isEqualTo(base);
    }

    @Test
    void duplicate_keys_are_not_canonical() {
        assertThatThrownBy(() -> HashChain.canonicalJson(2, "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256(String link) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(link.getBytes(StandardCharsets.UTF_8)));
    }
}
