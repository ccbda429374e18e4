package com.contractledger.api.contract;

import com.contractledger.api.common.Money;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordPaymentCommand(@TargetAggregateIdentifier ContractId contractId, String paymentId, Money amount, LocalDate paidOn, String reference,
        @TargetAggregateVersion Long expectedVersion) {
}
