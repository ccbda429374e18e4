package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A rectification request was closed on {@code completedOn}, COMPLETED or FAILED. Revision 1 did not record when:
 * {@code completedOn} is null then.
 */
@Revision("2")
public record RectificationCompletedEvent(SupplierId supplierId, String rectificationId, RectificationOutcome outcome, String remarks,
                                          LocalDate completedOn) {
}
