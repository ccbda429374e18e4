package com.contractledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat or the firewall refuse before any controller sees them, sent byte for byte: each gets a 4xx
 * problem naming nothing of the server, none Tomcat's HTML page or Spring Boot's error JSON.
 */
class MalformedRequestsIT {

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    static Map<String, String> malformed() {
        String end = "Host: ledger\r\n" + RawHttp.BUYER + "Connection: close\r\n\r\n";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("dot segment", "GET /api/contracts/../suppliers HTTP/1.1\r\n" + end);
        requests.put("dot segment above the root", "GET /../etc/passwd HTTP/1.1\r\n" + end);
        requests.put("encoded dot segment", "GET /api/%2e%2e/suppliers HTTP/1.1\r\n" + end);
        requests.put("encoded dot segment above the root", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + end);
        requests.put("semicolon", "GET /api/contracts;jsessionid=x HTTP/1.1\r\n" + end);
        requests.put("encoded slash", "GET /api/contracts%2fct-1 HTTP/1.1\r\n" + end);
        requests.put("encoded NUL", "GET /api/contracts%00 HTTP/1.1\r\n" + end);
        requests.put("10k URI", "GET /api/contracts/" + "a".repeat(10_000) + " HTTP/1.1\r\n" + end);
        requests.put("bare CR in a header", "GET /api/contracts HTTP/1.1\r\nX-Note: a\rb\r\n" + end);
        requests.put("64 KB header", "GET /api/contracts HTTP/1.1\r\nX-Note: " + "a".repeat(65_536) + "\r\n" + end);
        return requests;
    }

    @Test
    void every_request_refused_before_the_application_gets_a_problem() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> request : malformed().entrySet()) {
            try (RawHttp connection = new RawHttp(ledger.baseUrl())) {
                String response = connection.send(request.getValue()).untilClosed(Duration.ofSeconds(30));
                if (!isProblem(response)) {
                    failures.add(request.getKey() + " -> " + response);
                }
            }
        }
        assertThat(failures).as("not answered with a 4xx problem").isEmpty();
        assertThat(ledger.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    static boolean isProblem(String response) {
        if (response == null || !response.startsWith("HTTP/1.1 4")) {
            return false;
        }
        String body = RawHttp.body(response);
        return RawHttp.header(response, "Content-Type").startsWith("application/problem+json")
                && body.contains("\"status\":" + RawHttp.status(response)) && body.contains("\"title\":")
                && body.contains("\"detail\":") && !body.matches("(?s).*(Tomcat|apache|Exception|java\\.).*");
    }
}
