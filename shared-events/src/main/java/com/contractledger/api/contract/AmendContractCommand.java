package com.contractledger.api.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AmendContractCommand(@TargetAggregateIdentifier ContractId contractId, AmendmentReason reason, String description, ContractChanges changes,
        @TargetAggregateVersion Long expectedVersion) {
}
