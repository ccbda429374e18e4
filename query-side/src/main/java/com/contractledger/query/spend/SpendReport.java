package com.contractledger.query.spend;

import com.contractledger.query.common.Amount;

import java.util.List;

/**
 * Ordered, delivered and paid value per group and currency. By category, a supplier's spend counts under each of its
 * current categories, so category rows may add up to more than the total.
 */
public record SpendReport(String groupBy, List<Row> rows) {

    public record Row(String key, String currency, Amount ordered, Amount delivered, Amount paid) {
    }
}
