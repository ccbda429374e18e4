package com.contractledger.api.contract;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordBreachCommand(@TargetAggregateIdentifier ContractId contractId, String breachId, BreachType type, ResponsibleParty responsibleParty, String description,
        String relatedDeliveryId, LocalDate occurredOn,
        @TargetAggregateVersion Long expectedVersion) {
}
