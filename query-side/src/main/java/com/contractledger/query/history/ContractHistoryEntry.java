package com.contractledger.query.history;

import com.contractledger.api.common.FieldChange;

import java.time.Instant;
import java.util.List;

/** One stored event of a contract, as the audit history shows it: a contract has one per sequence number. */
public record ContractHistoryEntry(long sequence, String eventId, String type, Instant occurredAt, String actor,
                                   String reason, String correlationId, String summary, List<FieldChange> changes) {
}
