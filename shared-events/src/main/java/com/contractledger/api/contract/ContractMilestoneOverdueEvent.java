package com.contractledger.api.contract;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Raised automatically at the start of the day after an unmet milestone's due date (UTC). */
@Revision("1")
public record ContractMilestoneOverdueEvent(ContractId contractId, String milestoneId, MilestoneKind kind, LocalDate dueOn,
                                            Instant overdueSince) {
}
