package com.contractledger.api.contract;

import com.contractledger.api.common.Money;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A payment to the supplier; {@code totalPaid} is the running total including it. */
@Revision("1")
public record ContractPaymentRecordedEvent(ContractId contractId, String paymentId, Money amount, LocalDate paidOn, String reference,
                                          Money totalPaid) {
}
