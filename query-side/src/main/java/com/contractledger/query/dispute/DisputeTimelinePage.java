package com.contractledger.query.dispute;

import java.util.List;

/** One page of dispute timelines: {@code page} is 0-based, {@code total} counts every match. */
public record DisputeTimelinePage(List<DisputeTimelineView> items, int page, int size, long total) {
}
