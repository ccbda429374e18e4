package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A credit assessment was recorded; {@code stricterTermsRequired} is true for BB or worse. */
@Revision("1")
public record SupplierCreditAssessedEvent(SupplierId supplierId, CreditRating rating, int score, FactorAssessment financialHealth,
                                          FactorAssessment fulfilmentRecord, FactorAssessment reputation,
                                          CreditSource source, LocalDate assessedOn, boolean stricterTermsRequired) {
}
