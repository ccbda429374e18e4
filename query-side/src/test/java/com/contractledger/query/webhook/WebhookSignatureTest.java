package com.contractledger.query.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification's reference libraries. */
    @Test
    void signs_the_specifications_example_as_the_specification_does() {
        assertThat(WebhookSignature.header(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_a_message_carries_one_signature_per_secret() {
        String first = WebhookSignature.newSecret();
        String second = WebhookSignature.newSecret();

        String header = WebhookSignature.header(List.of(first, second), "ev-1", 1_700_000_000L, "{}");

        assertThat(header.split(" ")).containsExactly(
                WebhookSignature.header(List.of(first), "ev-1", 1_700_000_000L, "{}"),
                WebhookSignature.header(List.of(second), "ev-1", 1_700_000_000L, "{}"));
    }

    @Test
    void a_new_secret_is_32_random_bytes_after_the_prefix() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }
}
