package com.contractledger.query.history;

import java.util.List;

/** A contract's complete history in sequence order; {@code version} is the sequence of its latest entry. */
public record ContractHistoryView(String contractId, long version, List<ContractHistoryEntry> entries) {
}
