package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;

/** A change to one delivery milestone; null fields stay as they are, an unknown id adds a milestone. */
public record MilestoneChange(String milestoneId, LocalDate dueOn, List<MilestoneLine> lines) {
}
