package com.contractledger.api.contract;

import com.contractledger.api.supplier.SupplierId;

import java.util.Currency;
import org.axonframework.serialization.Revision;

/** A contract was drafted with a supplier on the given terms. */
@Revision("1")
public record ContractDraftedEvent(ContractId contractId, SupplierId supplierId, ContractType type, Currency currency,
                                   ContractTerms terms) {
}
