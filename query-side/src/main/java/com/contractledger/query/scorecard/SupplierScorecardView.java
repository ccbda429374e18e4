package com.contractledger.query.scorecard;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.common.EvaluationSummary;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A supplier's scorecard, computed live from delivery, breach and dispute events (formulas of
 * {@link SupplierScorecardProjection#FORMULA_VERSION}) next to the latest formal evaluation. Rates are null until
 * there is something to divide by.
 */
public record SupplierScorecardView(String supplierId, String formulaVersion, int contracts, int deliveries,
                                    int lateDeliveries, BigDecimal onTimeDeliveryRate, BigDecimal deliveredQuantity,
                                    BigDecimal acceptedQuantity, BigDecimal qualityPassRate, int breaches,
                                    Map<BreachType, Integer> breachesByType, int disputesOpen, int disputesTotal,
                                    CreditRating creditRating, SupplierTier tier, PerformanceGrade grade,
                                    EvaluationSummary latestEvaluation, int evaluations) {
}
