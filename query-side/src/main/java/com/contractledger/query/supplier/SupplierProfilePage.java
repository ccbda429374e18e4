package com.contractledger.query.supplier;

import java.util.List;

/** One page of supplier profiles: {@code page} is 0-based, {@code total} counts every match. */
public record SupplierProfilePage(List<SupplierProfileView> items, int page, int size, long total) {
}
