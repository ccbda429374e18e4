package com.contractledger.api.supplier;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The supplier was asked on {@code requestedOn} to rectify an issue by a due date. Revision 1 did not record when it
 * was asked: {@code requestedOn} is null then.
 */
@Revision("2")
public record RectificationRequestedEvent(SupplierId supplierId, String rectificationId, String issue, LocalDate dueOn,
                                          LocalDate requestedOn) {
}
