package com.contractledger.api.contract;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RenewContractCommand(@TargetAggregateIdentifier ContractId contractId, LocalDate newExpiresOn, ContractChanges changes,
        @TargetAggregateVersion Long expectedVersion) {
}
