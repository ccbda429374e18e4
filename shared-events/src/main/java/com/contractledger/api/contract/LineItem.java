package com.contractledger.api.contract;

import java.math.BigDecimal;

/** One thing bought: quantity in {@code unit}, unit price in the contract's currency. */
public record LineItem(String sku, String description, BigDecimal quantity, String unit, BigDecimal unitPrice) {
}
