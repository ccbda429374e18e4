package com.contractledger.command.supplier;

import com.contractledger.api.supplier.SupplierId;

import java.util.Optional;

/**
 * Command-side lookup of every supplier's standing, kept consistent with the supplier events in the same
 * transaction that stores them.
 */
public interface SupplierDirectory {

    Optional<SupplierStanding> standingOf(SupplierId supplierId);
}
