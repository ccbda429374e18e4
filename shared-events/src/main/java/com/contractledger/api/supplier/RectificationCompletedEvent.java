package com.contractledger.api.supplier;

import org.axonframework.serialization.Revision;

/** A rectification request was closed, COMPLETED or FAILED. */
@Revision("1")
public record RectificationCompletedEvent(SupplierId supplierId, String rectificationId, RectificationOutcome outcome, String remarks) {
}
