package com.contractledger.api.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a contract's parties agreed to and an amendment or renewal may change. {@code renewalNoticeDays}, when
 * set, is the notice period before expiry: its first day is the last day to decide on renewal.
 */
public record ContractTerms(String title, List<LineItem> lineItems, List<DeliveryMilestone> deliveries,
                            PaymentTerms paymentTerms, List<String> qualityStandards, PenaltyClause penaltyClause,
                            Guarantee guarantee, LocalDate effectiveFrom, LocalDate expiresOn,
                            Integer renewalNoticeDays) {

    /** Terms without a renewal notice period. */
    public ContractTerms(String title, List<LineItem> lineItems, List<DeliveryMilestone> deliveries,
                         PaymentTerms paymentTerms, List<String> qualityStandards, PenaltyClause penaltyClause,
                         Guarantee guarantee, LocalDate effectiveFrom, LocalDate expiresOn) {
        this(title, lineItems, deliveries, paymentTerms, qualityStandards, penaltyClause, guarantee, effectiveFrom,
                expiresOn, null);
    }

    /** The contract's value: quantity × unit price over every line item. */
    public BigDecimal value() {
        return lineItems == null ? BigDecimal.ZERO : lineItems.stream()
                .map(line -> line.quantity().multiply(line.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The last day to decide on renewal, if the terms have a notice period. */
    public LocalDate renewalDecisionDay() {
        return renewalNoticeDays == null ? null : expiresOn.minusDays(renewalNoticeDays);
    }
}
