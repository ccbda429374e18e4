package com.contractledger.api.contract;

/** Why a contract was amended. */
public enum AmendmentReason { PRICE_ADJUSTMENT, SCOPE_CHANGE, SCHEDULE_CHANGE, FORCE_MAJEURE, TERMS_CORRECTION, OTHER }
