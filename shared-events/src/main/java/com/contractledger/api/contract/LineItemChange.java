package com.contractledger.api.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A change to one line item, matched by sku; null fields stay as they are, an unknown sku adds a line. */
public record LineItemChange(@NotBlank @Size(max = 64) String sku, @Size(max = 500) String description,
                             @Positive @Digits(integer = 12, fraction = 6) BigDecimal quantity, @Size(min = 1, max = 32) String unit,
                             @PositiveOrZero @Digits(integer = 12, fraction = 6) BigDecimal unitPrice) {
}
