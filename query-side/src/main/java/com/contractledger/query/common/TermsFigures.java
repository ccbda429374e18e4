package com.contractledger.query.common;

import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.LineItem;

import com.contractledger.api.contract.PaymentInstalment;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Figures several read models derive from a contract's terms. */
public final class TermsFigures {

    private TermsFigures() {
    }

    /** Quantity × unit price over every line item. */
    public static BigDecimal orderedValue(ContractTerms terms) {
        return terms.lineItems() == null ? BigDecimal.ZERO : terms.lineItems().stream()
                .map(line -> line.quantity().multiply(line.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Accepted quantity × the unit price in force, over the lines of a delivery; unknown skus count as zero. */
    public static BigDecimal acceptedValue(List<LineItem> lineItems, List<DeliveredLine> delivered) {
        BigDecimal value = BigDecimal.ZERO;
        for (DeliveredLine line : delivered) {
            BigDecimal price = lineItems.stream().filter(item -> item.sku().equals(line.sku()))
                    .map(LineItem::unitPrice).findFirst().orElse(BigDecimal.ZERO);
            value = value.add(line.accepted().multiply(price));
        }
        return value;
    }

    /**
     * The instalments a running total of payments covers: in due-date order, an instalment is met once the total paid
     * reaches the sum of it and every instalment due before it. Payments name no instalment, so this is the only link.
     */
    public static Set<String> paidInstalments(List<PaymentInstalment> schedule, BigDecimal totalPaid) {
        Set<String> met = new HashSet<>();
        if (schedule == null) {
            return met;
        }
        BigDecimal due = BigDecimal.ZERO;
        for (PaymentInstalment instalment : schedule.stream()
                .sorted(Comparator.comparing(PaymentInstalment::dueOn).thenComparing(PaymentInstalment::milestoneId))
                .toList()) {
            due = due.add(instalment.amount());
            if (totalPaid.compareTo(due) >= 0) {
                met.add(instalment.milestoneId());
            }
        }
        return met;
    }
}
