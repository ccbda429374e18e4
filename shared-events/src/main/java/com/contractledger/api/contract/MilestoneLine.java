package com.contractledger.api.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Quantity of one line item due at a delivery milestone. */
public record MilestoneLine(@NotBlank @Size(max = 64) String sku, @NotNull @Positive @Digits(integer = 12, fraction = 6) BigDecimal quantity) {
}
