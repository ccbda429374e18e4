package com.contractledger.api.common;

/**
 * One field-level change of a contract's terms, e.g. {@code lineItems[M8-30].unitPrice} from {@code 0.85} to
 * {@code 0.90}. {@code before} is null for an added element, {@code after} null for a removed one.
 */
public record FieldChange(String path, String before, String after) {
}
