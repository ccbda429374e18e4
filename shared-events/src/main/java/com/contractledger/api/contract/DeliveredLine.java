package com.contractledger.api.contract;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Per line of a delivery: quantity delivered, accepted and rejected at inspection. */
public record DeliveredLine(@NotBlank @Size(max = 64) String sku, @NotNull @Positive @Digits(integer = 12, fraction = 6) BigDecimal delivered,
                            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 6) BigDecimal accepted, @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 6) BigDecimal rejected) {
}
