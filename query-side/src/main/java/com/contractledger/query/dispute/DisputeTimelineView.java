package com.contractledger.query.dispute;

import com.contractledger.api.contract.DisputeCategory;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of one dispute of a contract. {@code daysOpen} counts whole days from opening to resolution, or to now
 * while the dispute is open.
 */
@Document(DisputeTimelineView.COLLECTION)
public record DisputeTimelineView(@Id @JsonIgnore String id, String contractId, String disputeId, String breachId,
                                  DisputeCategory category, DisputeStage track, DisputeStage stage, Status status,
                                  Instant openedAt, Instant resolvedAt, long daysOpen, DisputeOutcome outcome,
                                  Amount claim, Amount settlement, String settlementSummary,
                                  List<DisputeEntry> entries, @JsonIgnore long lastSequence, long position) {

    public static final String COLLECTION = "dispute_timelines";

    public enum Status { OPEN, RESOLVED }

    public DisputeTimelineView {
        entries = List.copyOf(entries);
    }

    static String idOf(String contractId, String disputeId) {
        return contractId + "/" + disputeId;
    }

    DisputeTimelineView with(DisputeEntry entry, EventContext context) {
        List<DisputeEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return new DisputeTimelineView(id, contractId, disputeId, breachId, category, track, entry.stage(), status,
                openedAt, resolvedAt, daysOpen, outcome, claim, settlement, settlementSummary, more,
                context.sequence(), context.position());
    }

    DisputeTimelineView resolved(DisputeOutcome newOutcome, Amount newSettlement, String summary, Instant at) {
        return new DisputeTimelineView(id, contractId, disputeId, breachId, category, track, stage, Status.RESOLVED,
                openedAt, at, daysBetween(openedAt, at), newOutcome, claim, newSettlement, summary, entries, lastSequence,
                position);
    }

    /** The view as of {@code now}: an open dispute's days keep counting. */
    DisputeTimelineView asOf(Instant now) {
        if (status == Status.RESOLVED) {
            return this;
        }
        return new DisputeTimelineView(id, contractId, disputeId, breachId, category, track, stage, status, openedAt,
                resolvedAt, daysBetween(openedAt, now), outcome, claim, settlement, settlementSummary, entries,
                lastSequence, position);
    }

    private static long daysBetween(Instant from, Instant to) {
        return Math.max(Duration.between(from, to).toDays(), 0);
    }
}
