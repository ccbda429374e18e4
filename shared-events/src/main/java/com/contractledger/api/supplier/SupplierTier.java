package com.contractledger.api.supplier;

/** Customer-value segment; drives the recommended dispute track. */
public enum SupplierTier { KEY, GENERAL }
