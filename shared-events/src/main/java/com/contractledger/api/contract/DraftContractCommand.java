package com.contractledger.api.contract;

import com.contractledger.api.supplier.SupplierId;

import java.util.Currency;

public record DraftContractCommand(ContractId contractId, SupplierId supplierId, ContractType type, Currency currency,
                                   ContractTerms terms) {
}
