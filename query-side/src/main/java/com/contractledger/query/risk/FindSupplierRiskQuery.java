package com.contractledger.query.risk;

import java.time.Instant;

/**
 * A supplier's risk at {@code at}: as the views hold it now ({@code pointInTime} false, {@code at} the present), or from
 * the events stored up to a past instant.
 */
public record FindSupplierRiskQuery(String supplierId, Instant at, boolean pointInTime) {

    public static FindSupplierRiskQuery now(String supplierId, Instant now) {
        return new FindSupplierRiskQuery(supplierId, now, false);
    }
}
