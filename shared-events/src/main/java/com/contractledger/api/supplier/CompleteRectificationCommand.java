package com.contractledger.api.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CompleteRectificationCommand(@TargetAggregateIdentifier SupplierId supplierId, String rectificationId, RectificationOutcome outcome, String remarks,
        @TargetAggregateVersion Long expectedVersion) {
}
