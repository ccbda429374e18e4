package com.contractledger.api.contract;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A note with evidence references was added to a dispute. */
@Revision("1")
public record DisputeNoteAddedEvent(ContractId contractId, String disputeId, String text, List<String> evidenceRefs) {
}
