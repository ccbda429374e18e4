package com.contractledger.api.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** Late-delivery penalty: a rate per day as a fraction of the late lines' value, capped at a fraction of the contract value. */
public record PenaltyClause(@NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal lateDeliveryRatePerDay,
                            @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal cap) {
}
