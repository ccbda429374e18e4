package com.contractledger.query.summary;

import com.contractledger.api.contract.MilestoneKind;

import java.time.LocalDate;

/** A delivery milestone or payment instalment as the contract summary shows it; {@code amount} only for payments. */
public record ScheduledMilestone(String milestoneId, MilestoneKind kind, LocalDate dueOn, String amount, boolean met) {
}
