package com.contractledger.api.contract;

import java.math.BigDecimal;

/** Late-delivery penalty: a rate per day as a fraction of the late lines' value, capped at a fraction of the contract value. */
public record PenaltyClause(BigDecimal lateDeliveryRatePerDay, BigDecimal cap) {
}
