package com.contractledger.query.common;

import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.LineItem;

import java.math.BigDecimal;
import java.util.List;

/** Figures several read models derive from a contract's terms. */
public final class TermsFigures {

    private TermsFigures() {
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
}
