package com.contractledger.api.contract;

import com.contractledger.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ResolveDisputeCommand(@TargetAggregateIdentifier ContractId contractId, String disputeId, DisputeOutcome outcome, Money settlementAmount, String summary,
        @TargetAggregateVersion Long expectedVersion) {
}
