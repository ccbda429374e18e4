package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordDeliveryCommand(@TargetAggregateIdentifier ContractId contractId, String deliveryId, String milestoneId, LocalDate deliveredOn, List<DeliveredLine> lines,
        String inspectionNotes, String inspector,
        @TargetAggregateVersion Long expectedVersion) {
}
