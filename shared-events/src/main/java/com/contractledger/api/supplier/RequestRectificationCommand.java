package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** {@code requestedOn}: when the supplier was asked, today when not given. */
public record RequestRectificationCommand(@TargetAggregateIdentifier SupplierId supplierId, String rectificationId, String issue, LocalDate dueOn,
        LocalDate requestedOn, @TargetAggregateVersion Long expectedVersion) {
}
