package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.PenaltyClause;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Late-delivery penalty under a contract's penalty clause: rate per day × days late × value of the late delivery,
 * rounded half-up to the currency, and capped so that all penalties of the contract stay within cap × contract value.
 */
final class PenaltyCalculator {

    record Penalty(Money amount, String calculation) {
    }

    private PenaltyCalculator() {
    }

    static Penalty none(Currency currency, String why) {
        Money zero = Money.zero(currency);
        return new Penalty(zero, why + ": " + zero);
    }

    static Penalty lateDelivery(PenaltyClause clause, int daysLate, Money deliveredValue, Money contractValue,
                                Money penaltiesSoFar) {
        Currency currency = deliveredValue.currency();
        if (clause == null) {
            return none(currency, "no penalty clause");
        }
        BigDecimal rate = clause.lateDeliveryRatePerDay();
        Money computed = new Money(rate.multiply(BigDecimal.valueOf(daysLate)).multiply(deliveredValue.amount()), currency)
                .rounded();
        String arithmetic = rate.toPlainString() + " × " + daysLate + (daysLate == 1 ? " day" : " days") + " × "
                + deliveredValue + " = " + computed;

        Money limit = new Money(clause.cap().multiply(contractValue.amount()), currency).rounded();
        Money remaining = limit.minus(penaltiesSoFar);
        if (remaining.isNegative()) {
            remaining = Money.zero(currency);
        }
        if (!computed.isGreaterThan(remaining)) {
            return new Penalty(computed, arithmetic);
        }
        return new Penalty(remaining.rounded(), arithmetic + ", capped at " + remaining.rounded() + " (cap "
                + clause.cap().toPlainString() + " × contract value " + contractValue + " = " + limit + ", "
                + penaltiesSoFar + " already charged)");
    }
}
