package com.contractledger.query.risk;

import java.time.Instant;

/** A supplier's risk level as last announced and since when; LOW since onboarding before any announcement. */
public record RiskLevel(SupplierRisk.Level level, Instant since) {
}
