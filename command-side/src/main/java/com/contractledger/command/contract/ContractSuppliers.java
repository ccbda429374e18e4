package com.contractledger.command.contract;

import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.supplier.SupplierDirectory;
import com.contractledger.command.supplier.SupplierStanding;

import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ACCEPTING;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ONBOARDED;

/** What a contract asks of its supplier's standing. */
final class ContractSuppliers {

    private ContractSuppliers() {
    }

    /** The standing of a supplier we contract with: onboarded, and not suspended or terminated. */
    static SupplierStanding accepting(SupplierDirectory suppliers, SupplierId supplierId) {
        SupplierStanding standing = suppliers.standingOf(supplierId).orElseThrow(() ->
                SUPPLIER_NOT_ONBOARDED.violation("supplier " + supplierId + " is not onboarded",
                        "supplierId", supplierId));
        if (!standing.acceptsContracts()) {
            throw SUPPLIER_NOT_ACCEPTING.violation("supplier " + supplierId + " is " + standing.status()
                    + " and cannot take contracts", "supplierId", supplierId, "supplierStatus", standing.status());
        }
        return standing;
    }

    /** The supplier's tier; one missing from the directory, or without a tier, counts as GENERAL. */
    static SupplierTier tierOf(SupplierDirectory suppliers, SupplierId supplierId) {
        SupplierTier tier = suppliers.standingOf(supplierId).map(SupplierStanding::tier).orElse(SupplierTier.GENERAL);
        return tier == null ? SupplierTier.GENERAL : tier;
    }
}
