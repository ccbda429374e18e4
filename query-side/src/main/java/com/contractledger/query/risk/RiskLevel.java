package com.contractledger.query.risk;

import java.time.Instant;

/** A supplier's risk level as last announced, with its score and when; LOW with neither before any announcement. */
public record RiskLevel(SupplierRisk.Level level, Integer score, Instant since) {
}
