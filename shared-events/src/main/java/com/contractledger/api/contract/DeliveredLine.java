package com.contractledger.api.contract;

import java.math.BigDecimal;

/** Per line of a delivery: quantity delivered, accepted and rejected at inspection. */
public record DeliveredLine(String sku, BigDecimal delivered, BigDecimal accepted, BigDecimal rejected) {
}
