package com.contractledger.api.contract;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A reminder: today, {@code decideBy}, is the last day of the active contract's renewal notice period
 * ({@code renewalNoticeDays} before {@code expiresOn}). Raised by the system at the start of that day (UTC).
 */
@Revision("1")
public record ContractRenewalNoticeDueEvent(ContractId contractId, LocalDate expiresOn, int renewalNoticeDays,
                                            LocalDate decideBy) {
}
