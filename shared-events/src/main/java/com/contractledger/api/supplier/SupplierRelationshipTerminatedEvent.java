package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

/** The relationship ended for good. */
@Revision("1")
public record SupplierRelationshipTerminatedEvent(SupplierId supplierId, String reason) {
}
