package com.contractledger.api.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An amount in the contract's currency falling due on a date. */
public record PaymentInstalment(String milestoneId, LocalDate dueOn, BigDecimal amount) {
}
