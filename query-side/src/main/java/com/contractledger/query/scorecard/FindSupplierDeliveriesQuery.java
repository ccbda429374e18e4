package com.contractledger.query.scorecard;

/** Up to {@code size} deliveries of the supplier recorded after stream position {@code after} (-1: from the first). */
public record FindSupplierDeliveriesQuery(String supplierId, long after, int size) {
}
