package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PenaltyClause;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Field-level differences between two versions of a contract's terms, with paths such as
 * {@code lineItems[M8-30].unitPrice} or {@code deliveries[d1].lines[M8-30].quantity}. Decimals are compared by value
 * (0.90 equals 0.9) and written in plain notation.
 */
final class TermsDiff {

    private final List<FieldChange> changes = new ArrayList<>();

    private TermsDiff() {
    }

    static List<FieldChange> between(ContractTerms before, ContractTerms after) {
        TermsDiff diff = new TermsDiff();
        diff.text("title", before.title(), after.title());
        diff.lineItems(before.lineItems(), after.lineItems());
        diff.deliveries(before.deliveries(), after.deliveries());
        diff.paymentTerms(before, after);
        diff.text("qualityStandards", joined(before.qualityStandards()), joined(after.qualityStandards()));
        diff.penaltyClause(before.penaltyClause(), after.penaltyClause());
        diff.guarantee(before.guarantee(), after.guarantee());
        diff.text("effectiveFrom", string(before.effectiveFrom()), string(after.effectiveFrom()));
        diff.text("expiresOn", string(before.expiresOn()), string(after.expiresOn()));
        diff.text("renewalNoticeDays", string(before.renewalNoticeDays()), string(after.renewalNoticeDays()));
        return List.copyOf(diff.changes);
    }

    private void lineItems(List<LineItem> before, List<LineItem> after) {
        eachElement("lineItems", index(before, LineItem::sku), index(after, LineItem::sku),
                TermsDiff::describe, (path, was, now) -> {
                    text(path + ".description", was.description(), now.description());
                    decimal(path + ".quantity", was.quantity(), now.quantity());
                    text(path + ".unit", was.unit(), now.unit());
                    decimal(path + ".unitPrice", was.unitPrice(), now.unitPrice());
                });
    }

    private void deliveries(List<DeliveryMilestone> before, List<DeliveryMilestone> after) {
        eachElement("deliveries", index(before, DeliveryMilestone::milestoneId),
                index(after, DeliveryMilestone::milestoneId), TermsDiff::describe, (path, was, now) -> {
                    text(path + ".dueOn", string(was.dueOn()), string(now.dueOn()));
                    eachElement(path + ".lines", index(was.lines(), MilestoneLine::sku),
                            index(now.lines(), MilestoneLine::sku), line -> line.quantity().toPlainString(),
                            (linePath, wasLine, nowLine) ->
                                    decimal(linePath + ".quantity", wasLine.quantity(), nowLine.quantity()));
                });
    }

    private void paymentTerms(ContractTerms before, ContractTerms after) {
        if (before.paymentTerms() != null && after.paymentTerms() != null) {
            text("paymentTerms.netDays", String.valueOf(before.paymentTerms().netDays()),
                    String.valueOf(after.paymentTerms().netDays()));
        }
        eachElement("paymentTerms.schedule", index(TermsRules.schedule(before), PaymentInstalment::milestoneId),
                index(TermsRules.schedule(after), PaymentInstalment::milestoneId), TermsDiff::describe,
                (path, was, now) -> {
                    text(path + ".dueOn", string(was.dueOn()), string(now.dueOn()));
                    decimal(path + ".amount", was.amount(), now.amount());
                });
    }

    private void penaltyClause(PenaltyClause before, PenaltyClause after) {
        if (before == null || after == null) {
            text("penaltyClause", before == null ? null : describe(before), after == null ? null : describe(after));
            return;
        }
        decimal("penaltyClause.lateDeliveryRatePerDay", before.lateDeliveryRatePerDay(), after.lateDeliveryRatePerDay());
        decimal("penaltyClause.cap", before.cap(), after.cap());
    }

    private void guarantee(Guarantee before, Guarantee after) {
        if (before == null || after == null) {
            text("guarantee", before == null ? null : describe(before), after == null ? null : describe(after));
            return;
        }
        text("guarantee.type", string(before.type()), string(after.type()));
        decimal("guarantee.amount", before.amount(), after.amount());
    }

    private interface ElementDiff<T> {
        void compare(String path, T before, T after);
    }

    /** Elements matched by key: present in both are compared field by field, the others are added or removed. */
    private <T> void eachElement(String listPath, Map<String, T> before, Map<String, T> after,
                                 Function<T, String> describe, ElementDiff<T> compare) {
        before.forEach((key, was) -> {
            String path = listPath + "[" + key + "]";
            T now = after.get(key);
            if (now == null) {
                changes.add(new FieldChange(path, describe.apply(was), null));
            } else {
                compare.compare(path, was, now);
            }
        });
        after.forEach((key, now) -> {
            if (!before.containsKey(key)) {
                changes.add(new FieldChange(listPath + "[" + key + "]", null, describe.apply(now)));
            }
        });
    }

    private void text(String path, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(path, before, after));
        }
    }

    private void decimal(String path, BigDecimal before, BigDecimal after) {
        boolean same = before == null ? after == null : after != null && before.compareTo(after) == 0;
        if (!same) {
            changes.add(new FieldChange(path, plain(before), plain(after)));
        }
    }

    private static <T> Map<String, T> index(List<T> elements, Function<T, String> key) {
        if (elements == null) {
            return Map.of();
        }
        return elements.stream().collect(Collectors.toMap(key, e -> e, (a, b) -> a, LinkedHashMap::new));
    }

    private static String describe(LineItem line) {
        return (line.description() == null ? line.sku() : line.description()) + ": " + plain(line.quantity()) + " "
                + line.unit() + " at " + plain(line.unitPrice());
    }

    private static String describe(DeliveryMilestone milestone) {
        return "due " + milestone.dueOn() + ": " + milestone.lines().stream()
                .map(line -> line.sku() + " " + plain(line.quantity()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(PaymentInstalment instalment) {
        return "due " + instalment.dueOn() + ": " + plain(instalment.amount());
    }

    private static String describe(PenaltyClause clause) {
        return "rate " + plain(clause.lateDeliveryRatePerDay()) + " per day, cap " + plain(clause.cap());
    }

    private static String describe(Guarantee guarantee) {
        return guarantee.type() + " " + plain(guarantee.amount());
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
