package com.contractledger.query.common;

import com.contractledger.api.common.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money in a read model: a decimal string and a currency code, as the API writes money. */
public record Amount(String amount, String currency) {

    public static Amount of(Money money) {
        return money == null ? null : of(money.amount(), money.currency());
    }

    public static Amount of(BigDecimal amount, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal scaled = amount.scale() < digits ? amount.setScale(digits, RoundingMode.UNNECESSARY) : amount;
        return new Amount(scaled.toPlainString(), currency.getCurrencyCode());
    }

    public static Amount zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }

    public Amount plus(BigDecimal other) {
        return of(value().add(other), Currency.getInstance(currency));
    }

    public Amount plus(Money other) {
        if (!other.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency());
        }
        return plus(other.amount());
    }
}
