package com.contractledger.query.dispute;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Entry number {@code index} of the dispute {@code timelineId}, stored under {@link #idOf} and written once. */
@Document(DisputeTimelineEntry.COLLECTION)
public record DisputeTimelineEntry(@Id String id, String timelineId, int index, DisputeEntry entry) {

    public static final String COLLECTION = "dispute_entries";

    /** Contract and dispute ids never contain '#' (see {@code Identifiers.PATTERN}), so the key is unambiguous. */
    static String idOf(String timelineId, int index) {
        return timelineId + "#" + index;
    }
}
