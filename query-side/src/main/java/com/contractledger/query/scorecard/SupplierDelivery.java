package com.contractledger.query.scorecard;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One delivery of a supplier, as its scorecard charts it: written once under {@code contractId/deliveryId}.
 * {@code dueOn} is the milestone's due date in the terms in force when it was delivered; {@code qualityRate} is
 * accepted ÷ delivered, rounded half-up to 4 decimals; {@code sequence} is the event's in its contract and
 * {@code position} its place in the event stream, by which a supplier's deliveries are listed.
 */
@Document(SupplierDelivery.COLLECTION)
public record SupplierDelivery(@Id String id, String supplierId, String contractId, String deliveryId,
                               String milestoneId, LocalDate dueOn, LocalDate deliveredOn, int daysLate,
                               boolean onTime, BigDecimal deliveredQuantity, BigDecimal acceptedQuantity,
                               BigDecimal rejectedQuantity, BigDecimal qualityRate, long sequence, long position) {

    public static final String COLLECTION = "scorecard_deliveries";

    static String idOf(String contractId, String deliveryId) {
        return contractId + "/" + deliveryId;
    }
}
