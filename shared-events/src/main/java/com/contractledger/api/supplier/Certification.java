package com.contractledger.api.supplier;

import java.time.LocalDate;

/** A certification a supplier holds. */
public record Certification(String name, String issuer, LocalDate validUntil) {
}
