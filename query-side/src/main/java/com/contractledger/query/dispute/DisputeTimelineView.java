package com.contractledger.query.dispute;

import com.contractledger.api.contract.DisputeCategory;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.query.common.Amount;

import java.time.Instant;
import java.util.List;

/**
 * The timeline of one dispute of a contract as the API answers it. {@code daysOpen} counts whole days from opening to
 * resolution, or to now while the dispute is open.
 */
public record DisputeTimelineView(String contractId, String disputeId, String breachId, DisputeCategory category,
                                  DisputeStage track, DisputeStage stage, Status status, Instant openedAt,
                                  Instant resolvedAt, long daysOpen, DisputeOutcome outcome, Amount claim,
                                  Amount settlement, String settlementSummary, List<DisputeEntry> entries,
                                  long position) {

    public enum Status { OPEN, RESOLVED }

    public DisputeTimelineView {
        entries = List.copyOf(entries);
    }

    static DisputeTimelineView of(DisputeTimeline timeline, List<DisputeEntry> entries, Instant now) {
        return new DisputeTimelineView(timeline.contractId(), timeline.disputeId(), timeline.breachId(),
                timeline.category(), timeline.track(), timeline.stage(), timeline.status(), timeline.openedAt(),
                timeline.resolvedAt(), timeline.daysOpen(now),
                timeline.outcome(), timeline.claim(), timeline.settlement(), timeline.settlementSummary(), entries,
                timeline.position());
    }
}
