package com.contractledger.query.audit;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplier relationship as it stood just after the event with sequence number {@code version}, rebuilt from the
 * event store.
 */
public record SupplierStateAtPoint(String supplierId, long version, Instant asOfEventTimestamp, SupplierStatus status,
                                   String legalName, String registrationNumber, String region, List<String> categories,
                                   SupplierScale scale, List<String> tags, SupplierTier tier, CreditRating creditRating,
                                   Integer creditScore, boolean stricterTermsRequired, int evaluations,
                                   Evaluation lastEvaluation, List<Rectification> rectifications, int communications,
                                   String statusReason) {

    public record Evaluation(String evaluationId, LocalDate periodStart, LocalDate periodEnd, int score,
                             PerformanceGrade grade) {
    }

    /** {@code outcome} is null while the rectification is open. */
    public record Rectification(String rectificationId, String issue, LocalDate dueOn, RectificationOutcome outcome) {
    }
}
