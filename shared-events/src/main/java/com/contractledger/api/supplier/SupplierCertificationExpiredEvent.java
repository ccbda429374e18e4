package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The supplier's certification {@code name} was valid until {@code validUntil}, and is no longer. Raised the day after. */
@Revision("1")
public record SupplierCertificationExpiredEvent(SupplierId supplierId, String name, LocalDate validUntil) {
}
