package com.contractledger.query.risk;

import java.util.Map;

import static java.util.Map.entry;

/**
 * The English sentences of the risk factors' explanations; each {name} is a fact the factor carries. The formula says
 * what a factor found as a {@link com.contractledger.query.common.Phrase} of these keys.
 */
public final class RiskPhrase {

    public static final Map<String, String> ENGLISH = Map.ofEntries(
            entry("RiskNoDeliveries", "no deliveries yet"),
            entry("RiskLateDeliveries", "{late} of the last {deliveries} deliveries late"),
            entry("RiskNoTrend", "fewer than {deliveries} deliveries: no trend yet"),
            entry("RiskOnTimeTrend", "on time {now} over the last {last} deliveries against {then} over the {before} "
                    + "before"),
            entry("RiskRejection", "{rejected} of the quantity delivered in the last {deliveries} deliveries rejected"),
            entry("RiskRejectionTrend", "rejected {now} over the last {last} deliveries against {then} over the "
                    + "{before} before"),
            entry("RiskNoBreaches", "no breach by the supplier in the last {days} days"),
            entry("RiskBreaches", "breaches by the supplier in the last {days} days: {breaches} ({byType})"),
            entry("RiskDisputes", "open disputes: {open}, in arbitration or litigation (counted twice): {serious}"),
            entry("RiskNoCredit", "no credit assessment"),
            entry("RiskCredit", "rated {rating}"),
            entry("RiskCreditDowngraded", "rated {rating}, downgraded from {previous}"),
            entry("RiskRectifications", "rectifications failed or overdue: {failed}"),
            entry("RiskNotEvaluated", "not evaluated yet"),
            entry("RiskEvaluation", "latest evaluation graded {grade}"),
            entry("RiskCertifications", "certifications expired: {expired}, expiring within {days} days: {expiring}"),
            entry("RiskNoSpend", "no signed contracts"),
            entry("RiskDependence", "holds {share} of the buyer's {currency} spend in {category}"));

    private RiskPhrase() {
    }
}
