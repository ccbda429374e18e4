package com.contractledger.shared;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;

/**
 * Gives every problem the API answers with a type: one raised with its status alone (a {@code ResponseStatusException},
 * Spring's own 400s and 404s, the error page) gets its status's {@link ProblemType}; one with a type keeps it.
 */
@ControllerAdvice
class ProblemTypes implements ResponseBodyAdvice<Object> {

    private static final URI BLANK = URI.create("about:blank");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            typed(problem);
        }
        return body;
    }

    /** {@code problem} with its status's type unless it has one of its own. */
    static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            ProblemType.forStatus(problem.getStatus()).ifPresent(type -> problem.setType(type.uri()));
        }
        return problem;
    }
}
