package com.contractledger.api.contract;

/** Life-cycle status. Only DRAFT and ACTIVE accept commands; the others are final. */
public enum ContractStatus {
    DRAFT, ACTIVE, COMPLETED, TERMINATED, EXPIRED;

    public boolean isClosed() {
        return this == COMPLETED || this == TERMINATED || this == EXPIRED;
    }
}
