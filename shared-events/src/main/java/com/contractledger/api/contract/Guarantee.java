package com.contractledger.api.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/** A guarantee given by the supplier, in the contract's currency. */
public record Guarantee(@NotNull GuaranteeType type, @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal amount) {
}
