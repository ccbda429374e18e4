package com.contractledger.api.contract;

import java.util.List;

/** Net days and the payment schedule. */
public record PaymentTerms(int netDays, List<PaymentInstalment> schedule) {
}
