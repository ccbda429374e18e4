package com.contractledger.api.contract;

import java.math.BigDecimal;

/** A guarantee given by the supplier, in the contract's currency. */
public record Guarantee(GuaranteeType type, BigDecimal amount) {
}
