package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description: valid by an independent parser, every API handler described and nothing described that
 * has no handler, and each write's example, sent in the walkthrough's order, answered with the status described.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate EXAMPLES_AS_OF = LocalDate.parse("2026-11-30");
    /** A date, also the date of an instant; not a part of an id such as ct-2026-001. */
    private static final Pattern ISO_DATE = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?!\\d)");

    /** A supplier and a contract from onboarding to termination, one call of every write. */
    private static final List<String> WALKTHROUGH = List.of("/api/suppliers",
            "/api/suppliers/sup-001/credit-assessments", "/api/suppliers/sup-001/tier",
            "/api/suppliers/sup-001/classification", "/api/suppliers/sup-001/evaluations",
            "/api/suppliers/sup-001/rectifications", "/api/suppliers/sup-001/rectifications/r-1/completion",
            "/api/suppliers/sup-001/communications", "/api/suppliers/sup-001/suspension",
            "/api/suppliers/sup-001/reinstatement", "/api/contracts", "/api/contracts/ct-2026-001/signature",
            "/api/contracts/ct-2026-001/amendments", "/api/contracts/ct-2026-001/deliveries",
            "/api/contracts/ct-2026-001/breaches", "/api/contracts/ct-2026-001/disputes",
            "/api/contracts/ct-2026-001/disputes/dp-1/escalations", "/api/contracts/ct-2026-001/disputes/dp-1/notes",
            "/api/contracts/ct-2026-001/disputes/dp-1/resolution", "/api/contracts/ct-2026-001/payments",
            "/api/contracts/ct-2026-001/renewals", "/api/contracts/ct-2026-001/termination",
            "/api/suppliers/sup-001/termination");

    @TempDir
    static Path dataDir;
    static LedgerProcess ledger;
    static JsonNode description;

    @BeforeAll
    void start() throws Exception {
        ledger = LedgerProcess.start(dataDir);
        RunningLedger.Reply reply = ledger.get(null, "/v3/api-docs");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        description = JSON.readTree(reply.body());
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    void an_independent_parser_reads_the_description_without_a_complaint() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(ledger.get(null, "/v3/api-docs").body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void every_handler_of_the_api_is_described_and_every_described_operation_has_a_handler() {
        TreeSet<String> handled = new TreeSet<>();
        ledger.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
                .forEach(mapping -> mapping.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                        .forEach(path -> mapping.getMethodsCondition().getMethods()
                                .forEach(method -> handled.add(method + " " + path))));
        TreeSet<String> described = new TreeSet<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(handled).hasSizeGreaterThan(40);
        assertThat(described).isEqualTo(handled);
    }

    @Test
    void every_operation_names_its_roles_and_its_refusals_as_problems() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (!operation.path("x-roles").isArray() || operation.path("x-roles").isEmpty()) {
                wrong.add(name + ": no roles");
            }
            for (String status : List.of("401", "403")) {
                if (!operation.path("responses").path(status).path("content").has("application/problem+json")) {
                    wrong.add(name + ": no problem body for " + status);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void each_writes_example_sent_in_the_walkthroughs_order_gets_the_status_described() {
        Map<String, JsonNode> writes = new TreeMap<>();
        operations().forEach((name, operation) -> {
            boolean buyers = StreamSupport.stream(operation.path("x-roles").spliterator(), false)
                    .anyMatch(role -> role.asText().equals("BUYER"));
            if (name.startsWith("POST /api/") && buyers) {
                writes.put(name, operation);
            }
        });
        List<String> unsent = new ArrayList<>(writes.keySet());
        List<String> wrong = new ArrayList<>();
        for (String path : WALKTHROUGH) {
            String name = writes.keySet().stream()
                    .filter(described -> ApiPaths.instanceOf(path, described.substring(5)))
                    .findFirst().orElseThrow(() -> new AssertionError("no described write for " + path));
            unsent.remove(name);
            JsonNode operation = writes.get(name);
            JsonNode example = operation.path("requestBody").path("content").path("application/json").path("example");
            assertThat(example.isObject()).as("example of " + name).isTrue();
            String documented = successOf(operation);
            RunningLedger.Reply reply = ledger.post("buyer", path, toToday(example.toString()));
            if (!String.valueOf(reply.status()).equals(documented)) {
                wrong.add(path + ": " + reply.status() + " but described " + documented + " " + reply.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(unsent).as("writes the walkthrough does not send").isEmpty();
    }

    /**
     * The examples tell the story as of 2026-11-30 (CommandApiDescription.EXAMPLES_AS_OF): moved by the days since,
     * their facts are as far in the past and their plans as far ahead today as they were then.
     */
    private static String toToday(String example) {
        long days = ChronoUnit.DAYS.between(EXAMPLES_AS_OF, LocalDate.now(ZoneOffset.UTC));
        return ISO_DATE.matcher(example).replaceAll(date -> LocalDate.parse(date.group()).plusDays(days).toString());
    }

    @Test
    void swagger_ui_is_served_to_anyone() {
        RunningLedger.Reply page = ledger.get(null, "/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(ledger.get(null, "/swagger-ui.html").status()).isEqualTo(302);
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        description.get("paths").fields().forEachRemaining(path -> {
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            methods.forEachRemaining(method -> operations.put(
                    method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue()));
        });
        return operations;
    }

    private static String successOf(JsonNode operation) {
        List<String> success = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(status -> {
            if (status.startsWith("2")) {
                success.add(status);
            }
        });
        assertThat(success).hasSize(1);
        return success.get(0);
    }
}
