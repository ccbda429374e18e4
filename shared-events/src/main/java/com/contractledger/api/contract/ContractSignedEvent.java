package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The contract was signed and is ACTIVE. */
@Revision("1")
public record ContractSignedEvent(ContractId contractId, List<String> signatories, LocalDate signedOn) {
}
