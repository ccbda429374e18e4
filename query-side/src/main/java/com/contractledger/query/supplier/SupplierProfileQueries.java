package com.contractledger.query.supplier;

import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;

/** The typed queries the supplier profile read model answers. */
public final class SupplierProfileQueries {

    private SupplierProfileQueries() {
    }

    public record FindSupplierProfileQuery(String supplierId) {
    }

    /** Every filter is optional; {@code category} matches any of the supplier's categories. */
    public record FindSupplierProfilesQuery(SupplierTier tier, String category, String region, SupplierStatus status,
                                            int page, int size) {
    }
}
