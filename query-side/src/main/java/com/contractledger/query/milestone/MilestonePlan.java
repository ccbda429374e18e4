package com.contractledger.query.milestone;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** The milestones of one contract, by key: what a payment, an amendment or the contract's end looks up. */
@Document(MilestonePlan.COLLECTION)
record MilestonePlan(@Id String contractId, String supplierId, String currency, List<String> milestones) {

    static final String COLLECTION = "milestone_plans";
}
