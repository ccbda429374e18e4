package com.contractledger.api.contract;

import com.contractledger.api.common.FieldChange;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Numbered amendment; {@code changes} is the field-level diff, {@code terms} the terms in force afterwards. */
@Revision("1")
public record ContractAmendedEvent(ContractId contractId, int amendmentNumber, AmendmentReason reason, String description,
                                   List<FieldChange> changes, ContractTerms terms) {
}
