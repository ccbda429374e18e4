package com.contractledger.query.risk;

import java.util.List;

public record SupplierRiskPage(List<SupplierRisk> items, int page, int size, long total) {
}
