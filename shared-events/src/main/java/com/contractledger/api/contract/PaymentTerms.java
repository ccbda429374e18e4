package com.contractledger.api.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

import java.util.List;

/** Net days and the payment schedule. */
public record PaymentTerms(@Min(0) @Max(3650) int netDays, @Size(max = 1000) List<@Valid @NotNull PaymentInstalment> schedule) {
}
