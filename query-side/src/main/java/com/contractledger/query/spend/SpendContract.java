package com.contractledger.query.spend;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/** What the spend read model remembers of a contract: its supplier, currency and ordered value. */
@Document(SpendContract.COLLECTION)
public record SpendContract(@Id String id, String supplierId, String currency, BigDecimal orderedValue, boolean signed,
                            long lastSequence) {

    public static final String COLLECTION = "spend_contracts";
}
