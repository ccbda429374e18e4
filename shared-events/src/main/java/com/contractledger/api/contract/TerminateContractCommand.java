package com.contractledger.api.contract;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record TerminateContractCommand(@TargetAggregateIdentifier ContractId contractId, String reason, LocalDate effectiveOn,
        @TargetAggregateVersion Long expectedVersion) {
}
