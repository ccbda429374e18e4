package com.contractledger.api.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record SuspendSupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
