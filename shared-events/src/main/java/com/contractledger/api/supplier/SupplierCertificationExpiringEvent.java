package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A reminder: the supplier's certification {@code name} is valid for {@code daysBefore} more days, until {@code validUntil}. */
@Revision("1")
public record SupplierCertificationExpiringEvent(SupplierId supplierId, String name, LocalDate validUntil,
                                                 int daysBefore) {
}
