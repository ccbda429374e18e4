package com.contractledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * At most {@code maxConcurrent} requests with a body are handled at once; one more is answered 503 with
 * {@code Retry-After} at once, without reading its body. Reading a body blocks a worker thread for as long as the
 * client takes to send it, so without a bound slow uploaders could hold every thread and starve reads and health.
 * It runs after authentication: a request without valid credentials is refused before it could hold a place.
 */
class UploadLimit extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore places;
    private final int maxConcurrent;
    private final ObjectMapper objectMapper;

    UploadLimit(int maxConcurrent, ObjectMapper objectMapper) {
        this.places = new Semaphore(maxConcurrent);
        this.maxConcurrent = maxConcurrent;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!places.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            LedgerSecurity.writeProblem(request, response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE, "Too many uploads",
                    maxConcurrent + " requests with a body are being received; retry later");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
