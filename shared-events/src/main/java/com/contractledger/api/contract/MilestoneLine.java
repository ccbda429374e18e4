package com.contractledger.api.contract;

import java.math.BigDecimal;

/** Quantity of one line item due at a delivery milestone. */
public record MilestoneLine(String sku, BigDecimal quantity) {
}
