package com.contractledger.api.supplier;

/** How a rectification request ended. */
public enum RectificationOutcome { COMPLETED, FAILED }
