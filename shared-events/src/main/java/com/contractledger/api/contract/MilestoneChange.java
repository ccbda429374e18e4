package com.contractledger.api.contract;

import com.contractledger.api.common.Identifiers;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/** A change to one delivery milestone; null fields stay as they are, an unknown id adds a milestone. */
public record MilestoneChange(@NotNull @Pattern(regexp = Identifiers.PATTERN) String milestoneId, LocalDate dueOn,
                              @Size(min = 1, max = 1000) List<@Valid @NotNull MilestoneLine> lines) {
}
