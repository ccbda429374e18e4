package com.contractledger.query.common;

import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A formal performance evaluation of a supplier for one period. */
public record EvaluationSummary(String evaluationId, LocalDate periodStart, LocalDate periodEnd,
                                BigDecimal onTimeDeliveryRate, BigDecimal qualityPassRate,
                                BigDecimal averageResponseHours, int score, PerformanceGrade grade, String remarks) {

    public static EvaluationSummary of(SupplierPerformanceEvaluatedEvent event) {
        return new EvaluationSummary(event.evaluationId(), event.periodStart(), event.periodEnd(),
                event.onTimeDeliveryRate(), event.qualityPassRate(), event.averageResponseHours(), event.score(),
                event.grade(), event.remarks());
    }

    /** The later period wins; evaluations may be recorded out of period order. */
    public static EvaluationSummary latest(EvaluationSummary current, EvaluationSummary candidate) {
        if (current == null || !candidate.periodEnd().isBefore(current.periodEnd())) {
            return candidate;
        }
        return current;
    }
}
