package com.contractledger.query.risk;

import java.time.Instant;

/**
 * What the {@code risk} stream announces: a supplier's risk level moved, and the event that moved it (null when the
 * passing of time moved it, found by a re-evaluation).
 */
public record RiskLevelChange(String supplierId, SupplierRisk.Level from, SupplierRisk.Level to, int score,
                              String eventId, Instant at) {
}
