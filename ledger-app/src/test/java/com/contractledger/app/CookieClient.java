package com.contractledger.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's sign-in over HTTP as a browser does it: cookies kept between requests, the CSRF token sent back. */
final class CookieClient {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    CookieClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET(), Map.of());
    }

    HttpResponse<String> post(String path, String form, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), headers);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers)
            throws IOException, InterruptedException {
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token the server left in its cookie, in the header it wants it back. */
    Map<String, String> csrf() {
        return Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * Opens the sign-in page (for the CSRF cookie) and signs in; once in, opens the console, whose page leaves a new
     * token in the cookie (signing in retires the old one).
     */
    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        assertThat(get("/console/login").statusCode()).isEqualTo(200);
        String before = cookie("XSRF-TOKEN");
        HttpResponse<String> answer = post("/console/login", "username=" + user + "&password=" + password, csrf());
        if (answer.statusCode() == 204) {
            assertThat(cookie("XSRF-TOKEN")).isNull();
            assertThat(get("/console/").statusCode()).isEqualTo(200);
            assertThat(cookie("XSRF-TOKEN")).isNotBlank().isNotEqualTo(before);
        }
        return answer;
    }
}
