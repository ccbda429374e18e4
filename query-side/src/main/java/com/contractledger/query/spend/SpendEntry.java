package com.contractledger.query.spend;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/**
 * One contribution to spend, stored under the id of the event that caused it and written once: ORDERED when a
 * contract is signed (and the change of its value when a signed contract is amended or renewed), DELIVERED per
 * delivery, PAID per payment. {@code month} is {@code yyyy-MM} of the business date (signing, delivery, payment).
 */
@Document(SpendEntry.COLLECTION)
public record SpendEntry(@Id String id, String contractId, String supplierId, Kind kind, String month,
                         String currency, BigDecimal amount) {

    public static final String COLLECTION = "spend_entries";

    public enum Kind { ORDERED, DELIVERED, PAID }
}
