package com.contractledger.api.contract;

/** How a dispute was resolved. */
public enum DisputeOutcome { SETTLED, WITHDRAWN, AWARDED, DISMISSED }
