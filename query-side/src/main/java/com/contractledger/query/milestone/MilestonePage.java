package com.contractledger.query.milestone;

import java.util.List;

/** One page of milestones: {@code page} is 0-based, {@code total} counts every match. */
public record MilestonePage(List<MilestoneView> items, int page, int size, long total) {
}
