package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

/** The relationship was suspended: no contract may be drafted or signed. */
@Revision("1")
public record SupplierSuspendedEvent(SupplierId supplierId, String reason) {
}
