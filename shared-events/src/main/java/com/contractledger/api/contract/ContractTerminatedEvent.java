package com.contractledger.api.contract;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The contract was terminated; it accepts nothing more. */
@Revision("1")
public record ContractTerminatedEvent(ContractId contractId, String reason, LocalDate effectiveOn) {
}
