package com.contractledger.api.contract;

import com.contractledger.api.common.FieldChange;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Numbered amendment; {@code changes} is the field-level diff, {@code terms} the terms in force afterwards and
 * {@code coveredInstalments} the instalments of those terms the total paid so far covers ({@link PaymentSchedule}),
 * sorted. Revision 2 adds {@code coveredInstalments}; revision-1 events are upcast with it filled from the contract's
 * earlier events.
 */
@Revision("2")
public record ContractAmendedEvent(ContractId contractId, int amendmentNumber, AmendmentReason reason, String description,
                                   List<FieldChange> changes, ContractTerms terms, List<String> coveredInstalments) {
}
