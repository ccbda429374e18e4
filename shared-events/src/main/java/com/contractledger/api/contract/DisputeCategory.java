package com.contractledger.api.contract;

/** Subject of a dispute. */
public enum DisputeCategory {
    QUALITY_SUPPLIER_FAULT, QUALITY_BUYER_FAULT, USE_BEFORE_ACCEPTANCE, COMPLETION_DATE, PRICING_METHOD, QUANTITY,
    PAYMENT, OTHER
}
