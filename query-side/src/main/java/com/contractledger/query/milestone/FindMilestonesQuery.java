package com.contractledger.query.milestone;

import java.time.LocalDate;

/** Every filter is optional; {@code dueBefore} is exclusive. */
public record FindMilestonesQuery(MilestoneView.Status status, LocalDate dueBefore, int page, int size) {
}
