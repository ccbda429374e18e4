package com.contractledger.api.supplier;

/** What a supplier can deliver. */
public record Capabilities(String monthlyCapacity, String technicalLevel, String qualitySystem) {
}
