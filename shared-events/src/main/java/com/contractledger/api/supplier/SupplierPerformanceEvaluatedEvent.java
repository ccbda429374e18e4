package com.contractledger.api.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A formal performance evaluation for one period; rates are fractions 0..1. */
@Revision("1")
public record SupplierPerformanceEvaluatedEvent(SupplierId supplierId, String evaluationId, LocalDate periodStart, LocalDate periodEnd,
                                                BigDecimal onTimeDeliveryRate, BigDecimal qualityPassRate,
                                                BigDecimal averageResponseHours, int score, PerformanceGrade grade,
                                                String remarks) {
}
