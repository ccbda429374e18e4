package com.contractledger.api.supplier;

import jakarta.validation.constraints.Size;

/** What a supplier can deliver. */
public record Capabilities(@Size(max = 200) String monthlyCapacity, @Size(max = 200) String technicalLevel,
                           @Size(max = 200) String qualitySystem) {
}
