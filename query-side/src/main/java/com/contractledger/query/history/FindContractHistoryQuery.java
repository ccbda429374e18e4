package com.contractledger.query.history;

/** Up to {@code size} entries of the contract's history with sequences after {@code after} (-1: from the first). */
public record FindContractHistoryQuery(String contractId, long after, int size) {
}
