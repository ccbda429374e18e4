package com.contractledger.api.contract;

import org.axonframework.serialization.Revision;

/** A dispute moved forward to a later stage. */
@Revision("1")
public record DisputeEscalatedEvent(ContractId contractId, String disputeId, DisputeStage from, DisputeStage to, String reason) {
}
