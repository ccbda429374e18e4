package com.contractledger.query.dispute;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import static com.contractledger.query.readmodel.BsonFields.putString;

/** Entry number {@code index} of the dispute {@code timelineId}, stored under {@link #idOf} and written once. */
@Document(DisputeTimelineEntry.COLLECTION)
public record DisputeTimelineEntry(@Id String id, String timelineId, int index, DisputeEntry entry) {

    public static final String COLLECTION = "dispute_entries";

    /** The entry as the mapping layer would store it, written directly: a dispute takes one per event. */
    BsonDocument toBson() {
        BsonDocument stored = new BsonDocument("_id", new BsonString(id));
        putString(stored, "timelineId", timelineId);
        stored.put("index", new BsonInt32(index));
        if (entry != null) {
            BsonDocument step = new BsonDocument();
            if (entry.at() != null) {
                step.put("at", new BsonDateTime(entry.at().toEpochMilli()));
            }
            putString(step, "kind", entry.kind() == null ? null : entry.kind().name());
            putString(step, "stage", entry.stage() == null ? null : entry.stage().name());
            putString(step, "actor", entry.actor());
            putString(step, "text", entry.text());
            if (entry.evidenceRefs() != null) {
                BsonArray refs = new BsonArray();
                entry.evidenceRefs().forEach(ref -> refs.add(ref == null ? BsonNull.VALUE : new BsonString(ref)));
                step.put("evidenceRefs", refs);
            }
            stored.put("entry", step);
        }
        return stored;
    }

    /** Contract and dispute ids never contain '#' (see {@code Identifiers.PATTERN}), so the key is unambiguous. */
    static String idOf(String timelineId, int index) {
        return timelineId + "#" + index;
    }
}
