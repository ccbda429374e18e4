package com.contractledger.api.contract;

import com.contractledger.api.common.Money;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A payment to the supplier; {@code totalPaid} is the running total including it, {@code coveredInstalments} the
 * milestone ids of the instalments that total covers ({@link PaymentSchedule}), sorted. Revision 2 adds
 * {@code coveredInstalments}; revision-1 events are upcast with it filled from the contract's earlier events.
 */
@Revision("2")
public record ContractPaymentRecordedEvent(ContractId contractId, String paymentId, Money amount, LocalDate paidOn, String reference,
                                          Money totalPaid, List<String> coveredInstalments) {
}
