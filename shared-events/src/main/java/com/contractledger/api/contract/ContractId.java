package com.contractledger.api.contract;

import com.contractledger.api.common.Identifiers;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a contract; written in JSON as its bare string. */
public record ContractId(@JsonValue String value) {

    public ContractId {
        Identifiers.requireValid("contractId", value);
    }

    @JsonCreator
    public static ContractId of(String value) {
        return new ContractId(value);
    }

    /** Axon uses the identifier's string form as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
