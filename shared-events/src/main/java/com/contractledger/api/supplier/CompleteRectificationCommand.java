package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** {@code completedOn}: when the rectification was closed, today when not given. */
public record CompleteRectificationCommand(@TargetAggregateIdentifier SupplierId supplierId, String rectificationId, RectificationOutcome outcome, String remarks,
        LocalDate completedOn, @TargetAggregateVersion Long expectedVersion) {
}
