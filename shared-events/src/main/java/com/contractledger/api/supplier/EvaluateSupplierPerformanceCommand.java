package com.contractledger.api.supplier;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EvaluateSupplierPerformanceCommand(@TargetAggregateIdentifier SupplierId supplierId, String evaluationId, LocalDate periodStart, LocalDate periodEnd,
        BigDecimal onTimeDeliveryRate, BigDecimal qualityPassRate, BigDecimal averageResponseHours, int score,
        PerformanceGrade grade, String remarks,
        @TargetAggregateVersion Long expectedVersion) {
}
