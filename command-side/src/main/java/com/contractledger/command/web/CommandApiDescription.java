package com.contractledger.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * What the description of a write adds to springdoc's: the headers {@link WriteContext} reads instead of a parameter,
 * and the request body's example from {@code api-examples/<request record>.json} (the walkthrough's values). The
 * examples tell the walkthrough's story as of {@link #EXAMPLES_AS_OF}: their facts happened before that day, their
 * planned dates come after it. A fixed story keeps the description the same every day; ApiDescriptionIT moves every
 * date by the days since before it sends them.
 */
@Configuration
class CommandApiDescription {

    static final String EXAMPLES = "api-examples/";
    static final String EXAMPLES_AS_OF = "2026-11-30";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteContext.class);
    }

    @Bean
    OperationCustomizer writeHeadersAndExamples(ObjectMapper objectMapper) {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .noneMatch(parameter -> parameter.getParameterType() == WriteContext.class)) {
                return operation;
            }
            operation.addParametersItem(header("Idempotency-Key", new StringSchema().maxLength(200),
                    "a key of the client's: the same key with the same request answers as the first time and stores "
                            + "nothing; with another request, 422"));
            operation.addParametersItem(header("If-Match", new IntegerSchema(),
                    "the version the write expects the aggregate to be at (its ETag); another version answers 409"));
            operation.addParametersItem(header(WriteContextResolver.CORRELATION_HEADER, new StringSchema(),
                    "recorded with the events the write appends; one is made up when absent"));
            Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                    .findFirst()
                    .ifPresent(body -> example(operation, body, objectMapper));
            return operation;
        };
    }

    private static void example(Operation operation, MethodParameter body, ObjectMapper objectMapper) {
        String name = EXAMPLES + body.getParameterType().getSimpleName() + ".json";
        try (InputStream in = CommandApiDescription.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            JsonNode example = objectMapper.readTree(in);
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.setExample(example);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static HeaderParameter header(String name, io.swagger.v3.oas.models.media.Schema<?> schema,
                                          String description) {
        return (HeaderParameter) new HeaderParameter().name(name).required(false).schema(schema)
                .description(description);
    }
}
