package com.contractledger.api.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;

/**
 * Requested changes of an amendment or renewal; null means unchanged. The aggregate computes the field-level diff.
 * {@code renewalNoticeDays} of 0 removes the notice period.
 */
public record ContractChanges(@Size(min = 1, max = 200) String title,
                              @Size(max = 1000) List<@Valid @NotNull LineItemChange> lineItems,
                              @Size(max = 1000) List<@Valid @NotNull MilestoneChange> deliveries,
                              @Valid PaymentTerms paymentTerms, @Size(max = 100) List<@NotBlank String> qualityStandards,
                              @Valid PenaltyClause penaltyClause, @Valid Guarantee guarantee, LocalDate effectiveFrom,
                              LocalDate expiresOn, @Min(0) @Max(3650) Integer renewalNoticeDays) {

    public ContractChanges(String title, List<LineItemChange> lineItems, List<MilestoneChange> deliveries,
                           PaymentTerms paymentTerms, List<String> qualityStandards, PenaltyClause penaltyClause,
                           Guarantee guarantee, LocalDate effectiveFrom, LocalDate expiresOn) {
        this(title, lineItems, deliveries, paymentTerms, qualityStandards, penaltyClause, guarantee, effectiveFrom,
                expiresOn, null);
    }

    public static ContractChanges none() {
        return new ContractChanges(null, null, null, null, null, null, null, null, null, null);
    }
}
