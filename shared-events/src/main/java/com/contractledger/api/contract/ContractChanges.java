package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;

/** Requested changes of an amendment or renewal; null means unchanged. The aggregate computes the field-level diff. */
public record ContractChanges(String title, List<LineItemChange> lineItems, List<MilestoneChange> deliveries,
                              PaymentTerms paymentTerms, List<String> qualityStandards, PenaltyClause penaltyClause,
                              Guarantee guarantee, LocalDate effectiveFrom, LocalDate expiresOn) {

    public static ContractChanges none() {
        return new ContractChanges(null, null, null, null, null, null, null, null, null);
    }
}
