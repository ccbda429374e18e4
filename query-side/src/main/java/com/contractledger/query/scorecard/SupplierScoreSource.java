package com.contractledger.query.scorecard;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.common.EvaluationSummary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the supplier relationship itself contributes to its scorecard. */
@Document(SupplierScoreSource.COLLECTION)
public record SupplierScoreSource(@Id String id, SupplierTier tier, CreditRating creditRating,
                                  EvaluationSummary latestEvaluation, int evaluations, long lastSequence) {

    public static final String COLLECTION = "scorecard_suppliers";
}
