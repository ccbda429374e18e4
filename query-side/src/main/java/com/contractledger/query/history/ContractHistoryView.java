package com.contractledger.query.history;

import java.util.List;

/**
 * One page of a contract's history in sequence order: {@code version} is the sequence of the contract's latest entry,
 * {@code nextAfter} the {@code after} that asks for the next page, null on the last.
 */
public record ContractHistoryView(String contractId, long version, List<ContractHistoryEntry> entries,
                                  Long nextAfter) {
}
