package com.contractledger.query.dispute;

/**
 * What the {@code disputes} stream pushes when a dispute changes: the timeline without its entries (it has
 * {@code entryCount} of them) and the entry this change added. A dashboard that wants every entry reads the timeline.
 */
public record DisputeTimelineChange(DisputeTimeline timeline, long daysOpen, DisputeEntry latestEntry) {
}
