package com.contractledger.query.common;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Validated {@code page} and {@code size} parameters of a list endpoint. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public Paging {
        if (page < 0) {
            throw badRequest("page must be 0 or more");
        }
        checkSize(size, MAX_SIZE);
        // stores take the offset as a 32-bit number; a larger one came back as another page
        if ((long) page * size > Integer.MAX_VALUE) {
            throw badRequest("page × size must not exceed " + Integer.MAX_VALUE);
        }
    }

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public Query apply(Query query, Sort sort) {
        return query.with(sort).skip((long) page * size).limit(size);
    }

    /**
     * Validated {@code after} and {@code size} parameters of an endpoint that pages by sequence number: the page holds
     * up to {@code size} items with sequences after {@code after}, which is -1 for the first page.
     */
    public record After(long after, int size) {

        public static After of(Long after, Integer size, int defaultSize, int maxSize) {
            if (after != null && after < 0) {
                throw badRequest("after must be 0 or more");
            }
            int checked = size == null ? defaultSize : size;
            checkSize(checked, maxSize);
            return new After(after == null ? -1 : after, checked);
        }
    }

    private static void checkSize(int size, int maxSize) {
        if (size < 1 || size > maxSize) {
            throw badRequest("size must be between 1 and " + maxSize);
        }
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
