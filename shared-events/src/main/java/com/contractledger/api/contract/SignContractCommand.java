package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record SignContractCommand(@TargetAggregateIdentifier ContractId contractId, List<String> signatories, LocalDate signedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
