package com.contractledger.api.contract;

import com.contractledger.api.common.FieldChange;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The contract was renewed to a new expiry, possibly with changed terms and volumes; {@code coveredInstalments} are
 * the instalments of the renewed terms the total paid so far covers ({@link PaymentSchedule}), sorted. Revision 2
 * adds {@code coveredInstalments}; revision-1 events are upcast with it filled from the contract's earlier events.
 */
@Revision("2")
public record ContractRenewedEvent(ContractId contractId, int renewalNumber, LocalDate previousExpiresOn, LocalDate newExpiresOn,
                                   List<FieldChange> changes, ContractTerms terms, List<String> coveredInstalments) {
}
