package com.contractledger.api.contract;

/** Kind of breach of contract. */
public enum BreachType { LATE_DELIVERY, QUALITY_NONCONFORMANCE, QUANTITY_SHORTFALL, LATE_PAYMENT, OTHER }
