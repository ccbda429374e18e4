package com.contractledger.api.contract;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Raised automatically at the start of the day after {@code expiresOn} (UTC) if not renewed. */
@Revision("1")
public record ContractExpiredEvent(ContractId contractId, LocalDate expiresOn) {
}
