package com.contractledger.query.common;

import java.util.List;

/** One page of a list endpoint: {@code page} is 0-based, {@code total} counts every match. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
