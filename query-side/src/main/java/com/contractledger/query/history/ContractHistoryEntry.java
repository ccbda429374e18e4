package com.contractledger.query.history;

import com.contractledger.api.common.FieldChange;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One stored event of a contract, as the audit history shows it. Stored under {@link #idOf its contract and sequence},
 * which a contract has once per event, and written once.
 */
@Document(ContractHistoryEntry.COLLECTION)
public record ContractHistoryEntry(@Id @JsonIgnore String id, @JsonIgnore String contractId, long sequence,
                                   String eventId, String type, Instant occurredAt, String actor, String reason,
                                   String correlationId, String summary, List<FieldChange> changes) {

    public static final String COLLECTION = "contract_history";

    /** Contract ids never contain a colon (see {@code Identifiers.PATTERN}), so the key is unambiguous. */
    public static String idOf(String contractId, long sequence) {
        return contractId + ":" + sequence;
    }
}
