package com.contractledger.api.contract;

import com.contractledger.api.common.Money;
import org.axonframework.serialization.Revision;

/** A dispute was resolved; it accepts nothing more. */
@Revision("1")
public record DisputeResolvedEvent(ContractId contractId, String disputeId, DisputeOutcome outcome, Money settlementAmount,
                                   String summary, DisputeStage stage) {
}
