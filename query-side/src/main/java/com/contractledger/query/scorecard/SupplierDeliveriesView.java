package com.contractledger.query.scorecard;

import java.util.List;

/**
 * One page of a supplier's deliveries over all its contracts, oldest recorded first; {@code nextAfter} is the
 * {@code after} that asks for the next page, null on the last.
 */
public record SupplierDeliveriesView(String supplierId, List<SupplierDelivery> deliveries, Long nextAfter) {
}
