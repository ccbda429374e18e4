package com.contractledger.query.risk;

/** A supplier's risk level as last announced on the risk stream. */
public record FindRiskLevelQuery(String supplierId) {
}
