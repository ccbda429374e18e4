package com.contractledger.query.history;

import com.contractledger.api.common.FieldChange;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.contractledger.query.readmodel.BsonFields.putString;

/**
 * One stored event of a contract, as the audit history shows it: a contract has one per sequence number. The summary
 * is the phrase in English; {@code phrase} and {@code facts} let a reader say it in another language.
 */
public record ContractHistoryEntry(long sequence, String eventId, String type, Instant occurredAt, String actor,
                                   String reason, String correlationId, String summary, String phrase,
                                   Map<String, String> facts, List<FieldChange> changes) {

    /** The entry as the mapping layer would store it, written directly: a history takes one per contract event. */
    BsonDocument toBson() {
        BsonDocument stored = new BsonDocument("sequence", new BsonInt64(sequence));
        putString(stored, "eventId", eventId);
        putString(stored, "type", type);
        if (occurredAt != null) {
            stored.put("occurredAt", new BsonDateTime(occurredAt.toEpochMilli()));
        }
        putString(stored, "actor", actor);
        putString(stored, "reason", reason);
        putString(stored, "correlationId", correlationId);
        putString(stored, "summary", summary);
        putString(stored, "phrase", phrase);
        if (facts != null) {
            BsonDocument named = new BsonDocument();
            facts.forEach((name, value) -> putString(named, name, value));
            stored.put("facts", named);
        }
        if (changes != null) {
            BsonArray changed = new BsonArray();
            changes.forEach(change -> {
                BsonDocument one = new BsonDocument();
                putString(one, "path", change.path());
                putString(one, "before", change.before());
                putString(one, "after", change.after());
                changed.add(one);
            });
            stored.put("changes", changed);
        }
        return stored;
    }

    /** The entry as the read model stored it (absent fields were null). */
    static ContractHistoryEntry fromBson(BsonDocument stored) {
        BsonValue occurredAt = stored.get("occurredAt");
        BsonValue changes = stored.get("changes");
        BsonValue facts = stored.get("facts");
        Instant occurred = occurredAt == null ? null : Instant.ofEpochMilli(occurredAt.asDateTime().getValue());
        return new ContractHistoryEntry(stored.getNumber("sequence").longValue(), string(stored, "eventId"),
                string(stored, "type"), occurred, string(stored, "actor"), string(stored, "reason"),
                string(stored, "correlationId"), string(stored, "summary"), string(stored, "phrase"),
                facts == null ? null : factsOf(facts.asDocument()), changes == null ? null : changesOf(changes.asArray()));
    }

    private static List<FieldChange> changesOf(BsonArray changes) {
        return changes.stream().map(BsonValue::asDocument).map(change -> new FieldChange(string(change, "path"),
                string(change, "before"), string(change, "after"))).toList();
    }

    private static Map<String, String> factsOf(BsonDocument facts) {
        Map<String, String> named = new LinkedHashMap<>();
        facts.keySet().forEach(name -> named.put(name, string(facts, name)));
        return named;
    }

    private static String string(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }
}
