package com.contractledger.api.supplier;

/** Who assessed a supplier's credit. */
public enum CreditSource { INTERNAL, AGENCY }
