package com.contractledger.api.contract;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An unmet milestone went overdue at the start of the day after its due date (UTC). Raised by the deadline on that
 * day; or, with {@code backfilled}, at once when a contract is recorded (signed, or amended) with a milestone already
 * past due then, as when a contract signed last year is imported. Raised once per milestone and due date either way.
 */
@Revision("2")
public record ContractMilestoneOverdueEvent(ContractId contractId, String milestoneId, MilestoneKind kind, LocalDate dueOn,
                                            Instant overdueSince, boolean backfilled) {
}
