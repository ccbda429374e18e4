package com.contractledger.api.supplier;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record LogSupplierCommunicationCommand(@TargetAggregateIdentifier SupplierId supplierId, String communicationId, CommunicationChannel channel, List<String> participants,
        String summary, Instant occurredAt,
        @TargetAggregateVersion Long expectedVersion) {
}
