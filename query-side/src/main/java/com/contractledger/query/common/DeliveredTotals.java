package com.contractledger.query.common;

import com.contractledger.api.contract.DeliveredLine;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The quantities of a delivery summed over its lines. */
public record DeliveredTotals(BigDecimal delivered, BigDecimal accepted, BigDecimal rejected) {

    public static DeliveredTotals of(List<DeliveredLine> lines) {
        return new DeliveredTotals(sum(lines, DeliveredLine::delivered), sum(lines, DeliveredLine::accepted),
                sum(lines, DeliveredLine::rejected));
    }

    private static BigDecimal sum(List<DeliveredLine> lines, Function<DeliveredLine, BigDecimal> quantity) {
        return lines.stream().map(quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
