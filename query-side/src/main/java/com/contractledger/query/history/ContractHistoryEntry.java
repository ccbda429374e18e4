package com.contractledger.query.history;

import com.contractledger.api.common.FieldChange;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.time.Instant;
import java.util.List;

/** One stored event of a contract, as the audit history shows it: a contract has one per sequence number. */
public record ContractHistoryEntry(long sequence, String eventId, String type, Instant occurredAt, String actor,
                                   String reason, String correlationId, String summary, List<FieldChange> changes) {

    /** The entry as the read model stored it (absent fields were null). */
    static ContractHistoryEntry fromBson(BsonDocument stored) {
        BsonValue occurredAt = stored.get("occurredAt");
        BsonValue changes = stored.get("changes");
        Instant occurred = occurredAt == null ? null : Instant.ofEpochMilli(occurredAt.asDateTime().getValue());
        return new ContractHistoryEntry(stored.getNumber("sequence").longValue(), string(stored, "eventId"),
                string(stored, "type"), occurred, string(stored, "actor"), string(stored, "reason"),
                string(stored, "correlationId"), string(stored, "summary"),
                changes == null ? null : changesOf(changes.asArray()));
    }

    private static List<FieldChange> changesOf(BsonArray changes) {
        return changes.stream().map(BsonValue::asDocument).map(change -> new FieldChange(string(change, "path"),
                string(change, "before"), string(change, "after"))).toList();
    }

    private static String string(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }
}
