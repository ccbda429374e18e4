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

/**
 * One dispute of a contract as stored: everything but its entries, which are {@link DisputeTimelineEntry documents of
 * their own} numbered 0 to {@code entryCount - 1}. A dispute with ten thousand notes is then rewritten as a small
 * document per note, not as a document of ten thousand entries.
 */
@Document(DisputeTimeline.COLLECTION)
public record DisputeTimeline(@Id @JsonIgnore String id, String contractId, String disputeId, String breachId,
                              DisputeCategory category, DisputeStage track, DisputeStage stage,
                              DisputeTimelineView.Status status, Instant openedAt, Instant resolvedAt,
                              DisputeOutcome outcome, Amount claim, Amount settlement, String settlementSummary,
                              int entryCount, @JsonIgnore DisputeEntry latest, @JsonIgnore long lastSequence,
                              long position) {

    public static final String COLLECTION = "dispute_timelines";

    static String idOf(String contractId, String disputeId) {
        return contractId + "/" + disputeId;
    }

    /** Whole days from opening to resolution, or to {@code now} while the dispute is open. */
    long daysOpen(Instant now) {
        Instant until = status == DisputeTimelineView.Status.RESOLVED ? resolvedAt : now;
        return Math.max(Duration.between(openedAt, until).toDays(), 0);
    }

    /** The timeline with one more entry, built from the event that added it; {@code latest} is that entry. */
    DisputeTimeline with(DisputeEntry entry, EventContext context) {
        return new DisputeTimeline(id, contractId, disputeId, breachId, category, track, entry.stage(), status,
                openedAt, resolvedAt, outcome, claim, settlement, settlementSummary, entryCount + 1,
                entry, context.sequence(), context.position());
    }

    DisputeTimeline resolved(DisputeOutcome newOutcome, Amount newSettlement, String summary, Instant at) {
        return new DisputeTimeline(id, contractId, disputeId, breachId, category, track, stage,
                DisputeTimelineView.Status.RESOLVED, openedAt, at, newOutcome, claim, newSettlement, summary,
                entryCount, latest, lastSequence, position);
    }
}
