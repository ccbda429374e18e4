package com.contractledger.api.supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A certification a supplier holds. */
public record Certification(@NotBlank @Size(max = 200) String name, @Size(max = 200) String issuer, LocalDate validUntil) {
}
