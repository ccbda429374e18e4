package com.contractledger.api.contract;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Every line was accepted in full and every scheduled payment made. */
@Revision("1")
public record ContractCompletedEvent(ContractId contractId, LocalDate completedOn) {
}
