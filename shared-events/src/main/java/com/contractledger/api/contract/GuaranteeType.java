package com.contractledger.api.contract;

/** Form of a performance guarantee. */
public enum GuaranteeType { PERFORMANCE_BOND, BANK_GUARANTEE, RETENTION_MONEY, PARENT_COMPANY_GUARANTEE }
