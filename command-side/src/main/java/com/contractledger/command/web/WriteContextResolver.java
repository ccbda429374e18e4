package com.contractledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link WriteContext} of a request. The actor is always the authenticated principal, never anything the
 * request body says.
 */
class WriteContextResolver implements HandlerMethodArgumentResolver {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    private static final Pattern PRINTABLE = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteContext.class;
    }

    @Override
    public WriteContext resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                        NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "anonymous" : authentication.getName();
        return new WriteContext(actor,
                expectedVersion(request.getHeader("If-Match")),
                idempotencyKey(request.getHeader("Idempotency-Key")),
                correlationId(request.getHeader(CORRELATION_HEADER)),
                request.getMethod(),
                request.getRequestURI(),
                null);
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidHeaderException("If-Match", "If-Match must be the version number the write expects, e.g. 3");
        }
        return Long.valueOf(matcher.group(1));
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!PRINTABLE.matcher(key).matches()) {
            throw new InvalidHeaderException("Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces");
        }
        return key;
    }

    static String correlationId(String header) {
        if (header != null && PRINTABLE.matcher(header).matches() && header.length() <= 128) {
            return header;
        }
        return UUID.randomUUID().toString();
    }
}
