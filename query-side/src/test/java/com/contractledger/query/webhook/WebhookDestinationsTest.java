package com.contractledger.query.webhook;

import com.contractledger.query.webhook.WebhookDestinations.RefusedDestination;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDestinationsTest {

    private final WebhookDestinations destinations = new WebhookDestinations(List.of(" Erp.Internal ", "127.0.0.1"));

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.8/hooks", "http://172.20.1.1/hooks", "http://192.168.1.10/",
            "http://127.0.0.2/", "http://localhost/", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
            "http://224.0.0.1/", "http://[::ffff:10.0.0.1]/"})
    void internal_addresses_are_refused(String url) {
        assertThatThrownBy(() -> destinations.check(url)).isInstanceOf(RefusedDestination.class)
                .hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://203.0.113.10/", "file:///etc/passwd", "javascript:alert(1)", "203.0.113.10/hooks"})
    void only_http_and_https_urls_with_a_host(String url) {
        assertThatThrownBy(() -> destinations.check(url)).isInstanceOf(RefusedDestination.class)
                .hasMessageContaining("http or https");
    }

    @Test
    void credentials_in_the_url_are_refused() {
        assertThatThrownBy(() -> destinations.check("https://user:secret@203.0.113.10/")).isInstanceOf(
                RefusedDestination.class).hasMessageContaining("credentials");
    }

    @Test
    void public_addresses_and_listed_hosts_pass() {
        assertThat(destinations.check("https://203.0.113.10/hooks")).hasHost("203.0.113.10");
        assertThat(destinations.check("http://[2001:db8::1]:8443/hooks").getPort()).isEqualTo(8443);
        assertThat(destinations.check("http://127.0.0.1:9000/hooks")).hasPort(9000);
        assertThat(destinations.check("https://erp.internal/hooks")).hasHost("erp.internal");
    }
}
