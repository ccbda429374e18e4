package com.contractledger.api.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record EscalateDisputeCommand(@TargetAggregateIdentifier ContractId contractId, String disputeId, DisputeStage to, String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
