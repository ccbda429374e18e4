package com.contractledger.api.contract;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A reminder: the active contract expires in {@code daysBefore} days. Raised by the system at the start of that day. */
@Revision("1")
public record ContractExpiryApproachingEvent(ContractId contractId, LocalDate expiresOn, int daysBefore) {
}
