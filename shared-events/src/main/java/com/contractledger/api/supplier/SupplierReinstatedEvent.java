package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

/** A suspended relationship became active again. */
@Revision("1")
public record SupplierReinstatedEvent(SupplierId supplierId, String reason) {
}
