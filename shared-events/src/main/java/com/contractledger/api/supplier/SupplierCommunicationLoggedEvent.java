package com.contractledger.api.supplier;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An interaction with the supplier was recorded. */
@Revision("1")
public record SupplierCommunicationLoggedEvent(SupplierId supplierId, String communicationId, CommunicationChannel channel,
                                               List<String> participants, String summary, Instant occurredAt) {
}
