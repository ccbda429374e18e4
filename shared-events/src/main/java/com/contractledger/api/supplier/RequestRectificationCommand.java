package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RequestRectificationCommand(@TargetAggregateIdentifier SupplierId supplierId, String rectificationId, String issue, LocalDate dueOn,
        @TargetAggregateVersion Long expectedVersion) {
}
