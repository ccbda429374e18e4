package com.contractledger.api.contract;

import java.math.BigDecimal;

/** A change to one line item, matched by sku; null fields stay as they are, an unknown sku adds a line. */
public record LineItemChange(String sku, String description, BigDecimal quantity, String unit, BigDecimal unitPrice) {
}
