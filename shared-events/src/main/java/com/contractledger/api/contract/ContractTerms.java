package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;

/** Everything a contract's parties agreed to and an amendment or renewal may change. */
public record ContractTerms(String title, List<LineItem> lineItems, List<DeliveryMilestone> deliveries,
                            PaymentTerms paymentTerms, List<String> qualityStandards, PenaltyClause penaltyClause,
                            Guarantee guarantee, LocalDate effectiveFrom, LocalDate expiresOn) {
}
