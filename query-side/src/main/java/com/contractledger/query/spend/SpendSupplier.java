package com.contractledger.query.spend;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** A supplier's current categories, by which spend is grouped. */
@Document(SpendSupplier.COLLECTION)
public record SpendSupplier(@Id String id, List<String> categories, long lastSequence) {

    public static final String COLLECTION = "spend_suppliers";
}
