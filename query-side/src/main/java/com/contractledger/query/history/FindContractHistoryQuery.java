package com.contractledger.query.history;

public record FindContractHistoryQuery(String contractId) {
}
