package com.contractledger.api.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** One thing bought: quantity in {@code unit}, unit price in the contract's currency. */
public record LineItem(@NotBlank @Size(max = 64) String sku, @Size(max = 500) String description,
                       @NotNull @Positive @Digits(integer = 12, fraction = 6) BigDecimal quantity, @NotBlank @Size(max = 32) String unit,
                       @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 6) BigDecimal unitPrice) {
}
