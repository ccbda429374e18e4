package com.contractledger.api.contract;

import com.contractledger.api.common.FieldChange;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The contract was renewed to a new expiry, possibly with changed terms and volumes. */
@Revision("1")
public record ContractRenewedEvent(ContractId contractId, int renewalNumber, LocalDate previousExpiresOn, LocalDate newExpiresOn,
                                   List<FieldChange> changes, ContractTerms terms) {
}
