package com.contractledger.api.supplier;

/** Standing of the relationship: contracts may only be drafted or signed while ACTIVE. */
public enum SupplierStatus { ACTIVE, SUSPENDED, TERMINATED }
