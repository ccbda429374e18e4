package com.contractledger.command.supplier;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;

/**
 * What the contract side needs to know about a supplier. {@code creditRating} is null until a first assessment.
 */
public record SupplierStanding(SupplierId supplierId, SupplierStatus status, CreditRating creditRating,
                               SupplierTier tier) {

    public boolean acceptsContracts() {
        return status == SupplierStatus.ACTIVE;
    }

    public boolean requiresStricterTerms() {
        return creditRating != null && creditRating.requiresStricterTerms();
    }
}
