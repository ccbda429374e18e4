package com.contractledger.api.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/** Requested changes of an amendment or renewal; null means unchanged. The aggregate computes the field-level diff. */
public record ContractChanges(@Size(min = 1, max = 200) String title,
                              @Size(max = 1000) List<@Valid @NotNull LineItemChange> lineItems,
                              @Size(max = 1000) List<@Valid @NotNull MilestoneChange> deliveries,
                              @Valid PaymentTerms paymentTerms, @Size(max = 100) List<@NotBlank String> qualityStandards,
                              @Valid PenaltyClause penaltyClause, @Valid Guarantee guarantee, LocalDate effectiveFrom,
                              LocalDate expiresOn) {

    public static ContractChanges none() {
        return new ContractChanges(null, null, null, null, null, null, null, null, null);
    }
}
