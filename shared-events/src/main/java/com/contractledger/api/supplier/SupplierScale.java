package com.contractledger.api.supplier;

/** Size of a supplier's business. */
public enum SupplierScale { SMALL, MEDIUM, LARGE }
