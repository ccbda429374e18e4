package com.contractledger.api.supplier;

import com.contractledger.api.common.Identifiers;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a supplier; written in JSON as its bare string. */
public record SupplierId(@JsonValue String value) {

    public SupplierId {
        Identifiers.requireValid("supplierId", value);
    }

    @JsonCreator
    public static SupplierId of(String value) {
        return new SupplierId(value);
    }

    /** Axon uses the identifier's string form as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
