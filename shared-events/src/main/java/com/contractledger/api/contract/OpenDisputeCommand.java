package com.contractledger.api.contract;

import com.contractledger.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record OpenDisputeCommand(@TargetAggregateIdentifier ContractId contractId, String disputeId, String breachId, DisputeCategory category, Money claimAmount,
        String description,
        @TargetAggregateVersion Long expectedVersion) {
}
