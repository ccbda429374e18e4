package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The supplier was asked to rectify an issue by a due date. */
@Revision("1")
public record RectificationRequestedEvent(SupplierId supplierId, String rectificationId, String issue, LocalDate dueOn) {
}
