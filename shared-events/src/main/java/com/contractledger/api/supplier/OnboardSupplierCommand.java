package com.contractledger.api.supplier;

import java.util.List;

public record OnboardSupplierCommand(SupplierId supplierId, String legalName, String registrationNumber,
                                     String registeredAddress, String legalRepresentative, String region,
                                     List<String> categories, SupplierScale scale, Capabilities capabilities,
                                     List<Certification> certifications, List<Contact> contacts, SupplierTier tier) {
}
