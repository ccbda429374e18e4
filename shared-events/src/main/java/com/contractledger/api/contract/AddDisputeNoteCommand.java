package com.contractledger.api.contract;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AddDisputeNoteCommand(@TargetAggregateIdentifier ContractId contractId, String disputeId, String text, List<String> evidenceRefs,
        @TargetAggregateVersion Long expectedVersion) {
}
