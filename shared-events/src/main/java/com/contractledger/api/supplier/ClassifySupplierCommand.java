package com.contractledger.api.supplier;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ClassifySupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, List<String> categories, String region, SupplierScale scale, List<String> tags,
        @TargetAggregateVersion Long expectedVersion) {
}
