package com.contractledger.api.supplier;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A supplier relationship began: who the supplier is. */
@Revision("1")
public record SupplierOnboardedEvent(SupplierId supplierId, String legalName, String registrationNumber, String registeredAddress,
                                     String legalRepresentative, String region, List<String> categories,
                                     SupplierScale scale, Capabilities capabilities, List<Certification> certifications,
                                     List<Contact> contacts, SupplierTier tier) {
}
