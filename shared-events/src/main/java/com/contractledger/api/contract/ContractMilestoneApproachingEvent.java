package com.contractledger.api.contract;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A reminder: an unmet milestone is due in {@code daysBefore} days. Raised by the system at the start of that day
 * (UTC), once per milestone, due date and lead, while the contract is drafted or active.
 */
@Revision("1")
public record ContractMilestoneApproachingEvent(ContractId contractId, String milestoneId, MilestoneKind kind,
                                                LocalDate dueOn, int daysBefore) {
}
