package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AssessSupplierCreditCommand(@TargetAggregateIdentifier SupplierId supplierId, CreditRating rating, int score, FactorAssessment financialHealth,
        FactorAssessment fulfilmentRecord, FactorAssessment reputation, CreditSource source, LocalDate assessedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
