package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.PAYMENT_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.PAYMENT_NOT_POSITIVE;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * The payments recorded on a contract, a member of its aggregate: each positive and in the contract's currency, and
 * together never above its value.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Payments {

    private Map<String, Money> recorded = new LinkedHashMap<>();
    private Money totalPaid;

    Payments() {
        // required by Jackson (snapshots)
    }

    Payments(Currency currency) {
        totalPaid = Money.zero(currency);
    }

    Set<String> ids() {
        return recorded.keySet();
    }

    Money total() {
        return totalPaid;
    }

    /** Whether the total paid covers what the terms call for: the whole schedule, or the whole value without one. */
    boolean paidInFull(ContractTerms terms) {
        BigDecimal payable = TermsRules.schedule(terms).isEmpty() ? terms.value() : TermsRules.scheduledPayments(terms);
        return totalPaid.amount().compareTo(payable) >= 0;
    }

    /** The total paid once {@code amount} is paid too, which may not exceed the contract's value. */
    Money totalWith(Money amount, ContractTerms terms) {
        TermsRules.requireCurrency("payment", amount, totalPaid.currency());
        if (amount.amount().signum() <= 0) {
            throw PAYMENT_NOT_POSITIVE.violation("payment amount must be greater than 0 (is " + amount + ")",
                    "amount", amount);
        }
        Money newTotal = totalPaid.plus(amount);
        Money value = TermsRules.money(terms.value(), totalPaid.currency());
        if (newTotal.isGreaterThan(value)) {
            throw PAYMENT_EXCEEDS_VALUE.violation("overpayment: payment of " + amount
                            + " would bring the total paid to " + newTotal + ", above the contract value " + value,
                    "amount", amount, "totalPaid", newTotal, "contractValue", value);
        }
        return newTotal;
    }

    @EventSourcingHandler
    void on(ContractPaymentRecordedEvent event) {
        recorded.put(event.paymentId(), event.amount());
        totalPaid = event.totalPaid();
    }
}
