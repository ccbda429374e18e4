package com.contractledger.query.summary;

import com.contractledger.api.contract.ContractStatus;

/** The typed queries the contract summary read model answers. */
public final class ContractSummaryQueries {

    private ContractSummaryQueries() {
    }

    public record FindContractSummaryQuery(String contractId) {
    }

    /** {@code supplierId} and {@code status} are optional filters. */
    public record FindContractSummariesQuery(String supplierId, ContractStatus status, int page, int size) {
    }
}
