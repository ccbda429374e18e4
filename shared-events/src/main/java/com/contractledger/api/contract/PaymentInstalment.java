package com.contractledger.api.contract;

import com.contractledger.api.common.Identifiers;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An amount in the contract's currency falling due on a date. */
public record PaymentInstalment(@NotNull @Pattern(regexp = Identifiers.PATTERN) String milestoneId, @NotNull LocalDate dueOn,
                                @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount) {
}
