package com.contractledger.api.supplier;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The supplier's segmentation changed: categories, region, scale, free tags. */
@Revision("1")
public record SupplierClassifiedEvent(SupplierId supplierId, List<String> categories, String region, SupplierScale scale,
                                      List<String> tags) {
}
