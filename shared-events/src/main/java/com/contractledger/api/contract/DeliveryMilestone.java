package com.contractledger.api.contract;

import com.contractledger.api.common.Identifiers;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/** Lines due for delivery on a calendar date (UTC). */
public record DeliveryMilestone(@NotNull @Pattern(regexp = Identifiers.PATTERN) String milestoneId, @NotNull LocalDate dueOn,
                                @NotEmpty @Size(max = 1000) List<@Valid @NotNull MilestoneLine> lines) {
}
