package com.contractledger.query.risk;

import java.time.Instant;

/** A supplier's risk as the ledger sees it at {@code at}. */
public record FindSupplierRiskQuery(String supplierId, Instant at) {
}
