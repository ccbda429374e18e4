package com.contractledger.api.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeSupplierTierCommand(@TargetAggregateIdentifier SupplierId supplierId, SupplierTier tier, String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
