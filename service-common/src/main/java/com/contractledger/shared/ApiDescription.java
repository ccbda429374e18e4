package com.contractledger.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) of the service it runs in:
 * springdoc reads the controllers; this adds what they do not say: the roles each operation needs
 * ({@link ApiAccess}), how to authenticate, every status an operation may answer with its problem body, and what a
 * stream sends.
 */
@Configuration
public class ApiDescription {

    static final String PROBLEM = "Problem";
    static final String ROLES = "x-roles";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Contract Ledger API").version("1")
                        .description("Procurement contracts and supplier relationships, every step an immutable event. "
                                + "Writes answer {\"id\", \"version\"} and an ETag; errors are RFC 9457 problems. "
                                + "Each operation names the roles that may call it under " + ROLES + "."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("the configured users (and the embedded default's demo users)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("tokens of the identity provider, when one is configured")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer ledgerOperations() {
        return api -> {
            // here rather than on the bean: springdoc keeps only the schemas it generated itself
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = ApiAccess.rolesFor(method.name(), path);
        operation.addExtension(ROLES, roles);
        operation.setDescription(join(operation.getDescription(), "Roles: " + String.join(", ", roles) + "."));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        problems(path, method, operation)
                .forEach((status, why) -> operation.getResponses().putIfAbsent(status, problem(why)));
        if (path.startsWith("/api/stream/")) {
            describeStream(operation);
        }
    }

    /** The refusals an operation may answer with, by what it takes and whether it writes. */
    private static Map<String, String> problems(String path, PathItem.HttpMethod method, Operation operation) {
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> problems = new LinkedHashMap<>();
        if (takesInput) {
            problems.put("400", "Invalid request: the problem names each field or parameter at fault; nothing changed");
        }
        problems.put("401", "No credentials, or wrong ones");
        problems.put("403", "The caller's role may not make this call");
        if (path.contains("{")) {
            problems.put("404", "Nothing under the id in the path");
        }
        if (writes) {
            problems.put("409", "Refused as things stand (a rule, the If-Match version, an id that exists, a replay "
                    + "that runs); nothing was changed");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "The request body is larger than the limit");
            problems.put("422", "The Idempotency-Key was used before with another request");
        }
        problems.put("429", "Too many failed sign-ins for this user or from this address, or too many open streams; "
                + "see Retry-After");
        problems.put("503", "The event store or read store cannot be reached for now; nothing was stored");
        return problems;
    }

    private static void describeStream(Operation operation) {
        ApiResponse ok = new ApiResponse().description("Server-Sent Events: each change of a view as an event named "
                        + "after the stream, its data the view as JSON and its id the change's number; a reconnect "
                        + "with Last-Event-ID resumes after it, and an id no longer kept gets a 'resync' event")
                .content(new Content().addMediaType("text/event-stream", new MediaType().schema(new StringSchema())));
        operation.getResponses().put("200", ok);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error).description("the fields at fault, for 400"))
                .addProperty("kind", new StringSchema().description("for a refused write: RULE_VIOLATED, "
                        + "NOT_FOUND, VERSION_CONFLICT, ALREADY_EXISTS, CONCURRENT_WRITE, IDEMPOTENCY_KEY_REUSED or "
                        + "STORE_UNAVAILABLE"))
                .addProperty("currentVersion", new IntegerSchema().description("the aggregate's version, for a 409 "
                        + "version conflict"))
                .addProperty("rule", new StringSchema().description("for a broken rule (kind RULE_VIOLATED): its "
                        + "stable code, e.g. LOW_CREDIT_GUARANTEE; type is the URI of its section of the rules page "
                        + "and title its statement"))
                .addProperty("facts", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("for a broken rule: what decided it, e.g. {\"required\": \"850.00 CNY\", "
                                + "\"given\": \"500.00 CNY\"}"));
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + "\n\n" + second;
    }
}
