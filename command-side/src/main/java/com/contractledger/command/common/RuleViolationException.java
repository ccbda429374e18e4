package com.contractledger.command.common;

import com.contractledger.api.common.Money;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command broke a rule of an aggregate. Nothing was stored; the API answers 409 with the rule's code and statement,
 * this case's detail (the message) and the facts that decided it.
 */
public class RuleViolationException extends RuntimeException {

    private final transient Rule rule;
    private final Map<String, String> facts;

    public RuleViolationException(Rule rule, String detail, Map<String, String> facts) {
        super(detail);
        this.rule = rule;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public Rule rule() {
        return rule;
    }

    /** The facts that decided the refusal, in the order the rule names them; values are plain text. */
    public Map<String, String> facts() {
        return facts;
    }

    /** Name and value pairs as ordered facts: amounts as plain decimals, money with its currency, the rest as text. */
    static Map<String, String> facts(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("facts come in name and value pairs");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], text(pairs[i + 1]));
        }
        return facts;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Money money) {
            return money.toString();
        }
        return String.valueOf(value);
    }
}
