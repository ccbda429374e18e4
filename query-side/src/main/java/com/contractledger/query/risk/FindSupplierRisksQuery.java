package com.contractledger.query.risk;

import java.time.Instant;

/** The suppliers at or above {@code level} (all when null), in {@code category} (all when null), riskiest first. */
public record FindSupplierRisksQuery(SupplierRisk.Level level, String category, Instant at, int page, int size) {
}
