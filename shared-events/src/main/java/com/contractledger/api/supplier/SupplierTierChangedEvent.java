package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

/** The supplier moved between KEY and GENERAL. */
@Revision("1")
public record SupplierTierChangedEvent(SupplierId supplierId, SupplierTier previousTier, SupplierTier tier, String reason) {
}
