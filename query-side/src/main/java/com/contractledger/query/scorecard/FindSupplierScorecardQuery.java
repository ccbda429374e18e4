package com.contractledger.query.scorecard;

public record FindSupplierScorecardQuery(String supplierId) {
}
