package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PenaltyClause;
import com.contractledger.command.common.RuleViolationException;
import com.contractledger.command.supplier.SupplierStanding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.EXPIRY_NOT_AFTER_EFFECTIVE;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_GUARANTEE;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_PREPAYMENT;
import static com.contractledger.command.contract.ContractRule.MILESTONES_EXCEED_LINE;
import static com.contractledger.command.contract.ContractRule.MILESTONE_SKU_UNKNOWN;
import static com.contractledger.command.contract.ContractRule.MONEY_IN_CONTRACT_CURRENCY;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOTICE_BEFORE_EFFECTIVE;
import static com.contractledger.command.contract.ContractRule.SCHEDULE_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.TERMS_FIGURES_IN_RANGE;
import static com.contractledger.command.contract.ContractRule.TERMS_IDS_UNIQUE;
import static com.contractledger.command.contract.ContractRule.TERMS_INCOMPLETE;

/** The rules every set of contract terms must satisfy, whether drafted, amended or renewed. */
final class TermsRules {

    static final BigDecimal MINIMUM_GUARANTEE_SHARE = new BigDecimal("0.10");

    private TermsRules() {
    }

    static List<PaymentInstalment> schedule(ContractTerms terms) {
        if (terms.paymentTerms() == null || terms.paymentTerms().schedule() == null) {
            return List.of();
        }
        return terms.paymentTerms().schedule();
    }

    static BigDecimal scheduledPayments(ContractTerms terms) {
        return schedule(terms).stream().map(PaymentInstalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Optional<DeliveryMilestone> delivery(ContractTerms terms, String milestoneId) {
        return terms.deliveries().stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst();
    }

    static Optional<PaymentInstalment> instalment(ContractTerms terms, String milestoneId) {
        return schedule(terms).stream().filter(p -> p.milestoneId().equals(milestoneId)).findFirst();
    }

    static Optional<LineItem> lineItem(ContractTerms terms, String sku) {
        return terms.lineItems().stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    static void validate(ContractTerms terms, Currency currency) {
        if (terms == null) {
            throw missing("terms", "contract terms are required");
        }
        if (isBlank(terms.title())) {
            throw missing("title", "title must not be blank");
        }
        Map<String, BigDecimal> quantityBySku = validateLineItems(terms.lineItems());
        Set<String> deliveryIds = validateDeliveries(terms.deliveries(), quantityBySku);
        validatePaymentTerms(terms, deliveryIds, currency);
        validateDates(terms);
        validatePenaltyClause(terms.penaltyClause());
        validateGuarantee(terms.guarantee());
    }

    private static Map<String, BigDecimal> validateLineItems(List<LineItem> lineItems) {
        if (lineItems == null || lineItems.isEmpty()) {
            throw missing("lineItems", "at least one line item is required");
        }
        Map<String, BigDecimal> quantityBySku = new HashMap<>();
        for (LineItem line : lineItems) {
            if (line == null || isBlank(line.sku())) {
                throw missing("lineItems[].sku", "every line item needs a sku");
            }
            if (quantityBySku.containsKey(line.sku())) {
                throw TERMS_IDS_UNIQUE.violation("line item sku " + line.sku() + " appears more than once",
                        "sku", line.sku());
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw outOfRange("lineItems[" + line.sku() + "].quantity", line.quantity(),
                        "line item " + line.sku() + ": quantity must be greater than 0");
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
                throw outOfRange("lineItems[" + line.sku() + "].unitPrice", line.unitPrice(),
                        "line item " + line.sku() + ": unit price must be 0 or more");
            }
            quantityBySku.put(line.sku(), line.quantity());
        }
        return quantityBySku;
    }

    private static Set<String> validateDeliveries(List<DeliveryMilestone> deliveries,
                                                  Map<String, BigDecimal> quantityBySku) {
        if (deliveries == null) {
            throw TERMS_INCOMPLETE.violation("delivery milestones are required", "missing", "deliveries");
        }
        Set<String> ids = new HashSet<>();
        Map<String, BigDecimal> scheduledBySku = new HashMap<>();
        for (DeliveryMilestone milestone : deliveries) {
            if (milestone == null || isBlank(milestone.milestoneId())) {
                throw missing("deliveries[].milestoneId", "every delivery milestone needs a milestoneId");
            }
            String id = milestone.milestoneId();
            if (!ids.add(id)) {
                throw TERMS_IDS_UNIQUE.violation("delivery milestone " + id + " appears more than once",
                        "milestoneId", id);
            }
            if (milestone.dueOn() == null) {
                throw missing("deliveries[" + id + "].dueOn", "delivery milestone " + id + " needs a due date");
            }
            if (milestone.lines() == null || milestone.lines().isEmpty()) {
                throw missing("deliveries[" + id + "].lines", "delivery milestone " + id + " has no lines");
            }
            Set<String> skus = new HashSet<>();
            for (MilestoneLine line : milestone.lines()) {
                if (line == null || !quantityBySku.containsKey(line.sku())) {
                    throw MILESTONE_SKU_UNKNOWN.violation("delivery milestone " + id + " names sku "
                            + (line == null ? null : line.sku()) + ", which is not a line item",
                            "milestoneId", id, "sku", line == null ? null : line.sku());
                }
                if (!skus.add(line.sku())) {
                    throw TERMS_IDS_UNIQUE.violation("delivery milestone " + id + " names sku " + line.sku()
                            + " more than once", "milestoneId", id, "sku", line.sku());
                }
                if (line.quantity() == null || line.quantity().signum() <= 0) {
                    throw outOfRange("deliveries[" + id + "].lines[" + line.sku() + "].quantity", line.quantity(),
                            "delivery milestone " + id + ": quantity of " + line.sku() + " must be greater than 0");
                }
                scheduledBySku.merge(line.sku(), line.quantity(), BigDecimal::add);
            }
        }
        quantityBySku.forEach((sku, quantity) -> {
            BigDecimal scheduled = scheduledBySku.getOrDefault(sku, BigDecimal.ZERO);
            if (scheduled.compareTo(quantity) > 0) {
                throw MILESTONES_EXCEED_LINE.violation("line item " + sku + ": delivery milestones schedule "
                        + scheduled.toPlainString() + " but the line has only " + quantity.toPlainString(),
                        "sku", sku, "scheduled", scheduled, "quantity", quantity);
            }
        });
        return ids;
    }

    private static void validatePaymentTerms(ContractTerms terms, Set<String> deliveryIds, Currency currency) {
        if (terms.paymentTerms() == null) {
            throw missing("paymentTerms", "payment terms are required");
        }
        if (terms.paymentTerms().netDays() < 0) {
            throw outOfRange("paymentTerms.netDays", terms.paymentTerms().netDays(),
                    "payment terms: net days must be 0 or more");
        }
        Set<String> ids = new HashSet<>();
        for (PaymentInstalment instalment : schedule(terms)) {
            if (instalment == null || isBlank(instalment.milestoneId())) {
                throw missing("paymentTerms.schedule[].milestoneId", "every payment instalment needs a milestoneId");
            }
            String id = instalment.milestoneId();
            if (!ids.add(id)) {
                throw TERMS_IDS_UNIQUE.violation("payment instalment " + id + " appears more than once",
                        "milestoneId", id);
            }
            if (deliveryIds.contains(id)) {
                throw TERMS_IDS_UNIQUE.violation("payment instalment " + id
                        + " has the same id as a delivery milestone", "milestoneId", id);
            }
            if (instalment.dueOn() == null) {
                throw missing("paymentTerms.schedule[" + id + "].dueOn",
                        "payment instalment " + id + " needs a due date");
            }
            if (instalment.amount() == null || instalment.amount().signum() <= 0) {
                throw outOfRange("paymentTerms.schedule[" + id + "].amount", instalment.amount(),
                        "payment instalment " + id + ": amount must be greater than 0");
            }
        }
        BigDecimal scheduled = scheduledPayments(terms);
        BigDecimal value = terms.value();
        if (scheduled.compareTo(value) > 0) {
            throw SCHEDULE_EXCEEDS_VALUE.violation("payment schedule totals " + money(scheduled, currency)
                    + ", more than the contract value " + money(value, currency),
                    "scheduled", money(scheduled, currency), "contractValue", money(value, currency));
        }
    }

    private static void validateDates(ContractTerms terms) {
        if (terms.effectiveFrom() == null || terms.expiresOn() == null) {
            throw missing(terms.effectiveFrom() == null ? "effectiveFrom" : "expiresOn",
                    "effectiveFrom and expiresOn are required");
        }
        if (!terms.expiresOn().isAfter(terms.effectiveFrom())) {
            throw EXPIRY_NOT_AFTER_EFFECTIVE.violation("expiresOn " + terms.expiresOn()
                            + " must be after effectiveFrom " + terms.effectiveFrom(),
                    "effectiveFrom", terms.effectiveFrom(), "expiresOn", terms.expiresOn());
        }
        if (terms.renewalNoticeDays() != null && terms.renewalNoticeDays() < 1) {
            throw outOfRange("renewalNoticeDays", terms.renewalNoticeDays(),
                    "a renewal notice period is at least one day");
        }
        if (terms.renewalNoticeDays() != null && terms.renewalDecisionDay().isBefore(terms.effectiveFrom())) {
            throw RENEWAL_NOTICE_BEFORE_EFFECTIVE.violation("a renewal notice of " + terms.renewalNoticeDays()
                            + " days before " + terms.expiresOn() + " starts before the contract takes effect on "
                            + terms.effectiveFrom(), "renewalNoticeDays", terms.renewalNoticeDays(),
                    "noticeStartsOn", terms.renewalDecisionDay(), "effectiveFrom", terms.effectiveFrom());
        }
    }

    private static void validatePenaltyClause(PenaltyClause clause) {
        if (clause == null) {
            return;
        }
        if (!isFraction(clause.lateDeliveryRatePerDay())) {
            throw outOfRange("penaltyClause.lateDeliveryRatePerDay", clause.lateDeliveryRatePerDay(),
                    "penalty clause: late delivery rate per day must be between 0 and 1");
        }
        if (!isFraction(clause.cap())) {
            throw outOfRange("penaltyClause.cap", clause.cap(), "penalty clause: cap must be between 0 and 1");
        }
    }

    private static void validateGuarantee(Guarantee guarantee) {
        if (guarantee == null) {
            return;
        }
        if (guarantee.type() == null) {
            throw missing("guarantee.type", "guarantee needs a type");
        }
        if (guarantee.amount() == null || guarantee.amount().signum() < 0) {
            throw outOfRange("guarantee.amount", guarantee.amount(), "guarantee amount must be 0 or more");
        }
    }

    /**
     * A supplier rated BB or worse must give a guarantee of at least 10% of the contract value and may not be paid
     * before the first delivery milestone.
     */
    static void checkStricterTerms(SupplierStanding standing, ContractTerms terms, Currency currency) {
        if (!standing.requiresStricterTerms()) {
            return;
        }
        BigDecimal value = terms.value();
        BigDecimal requiredGuarantee = value.multiply(MINIMUM_GUARANTEE_SHARE);
        BigDecimal guarantee = terms.guarantee() == null ? null : terms.guarantee().amount();
        boolean guaranteeOk = guarantee != null && guarantee.compareTo(requiredGuarantee) >= 0;

        LocalDate firstDelivery = terms.deliveries().stream().map(DeliveryMilestone::dueOn)
                .min(Comparator.naturalOrder()).orElse(null);
        Optional<PaymentInstalment> firstPayment = schedule(terms).stream()
                .min(Comparator.comparing(PaymentInstalment::dueOn));
        boolean noPrepayment = firstDelivery == null || firstPayment.isEmpty()
                || !firstPayment.get().dueOn().isBefore(firstDelivery);

        if (guaranteeOk && noPrepayment) {
            return;
        }
        String paymentFigure = firstPayment.map(p -> "first payment " + p.milestoneId() + " due " + p.dueOn())
                .orElse("no payments scheduled");
        String detail = "supplier " + standing.supplierId() + " is rated " + standing.creditRating()
                + ", so stricter terms apply: a guarantee of at least 10% of the contract value "
                + money(value, currency) + " (required " + money(requiredGuarantee, currency) + ", given "
                + (guarantee == null ? "none" : money(guarantee, currency)) + ")"
                + (guaranteeOk ? " - met" : " - not met")
                + "; and no payment due before the first delivery milestone (first delivery due " + firstDelivery
                + ", " + paymentFigure + ")" + (noPrepayment ? " - met" : " - not met");
        if (!guaranteeOk) {
            throw LOW_CREDIT_GUARANTEE.violation(detail, "creditRating", standing.creditRating(),
                    "contractValue", money(value, currency), "required", money(requiredGuarantee, currency),
                    "given", guarantee == null ? "none" : money(guarantee, currency));
        }
        throw LOW_CREDIT_PREPAYMENT.violation(detail, "creditRating", standing.creditRating(),
                "firstDeliveryDue", firstDelivery, "firstPaymentDue", firstPayment.get().dueOn());
    }

    static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency).rounded();
    }

    static void requireCurrency(String what, Money money, Currency currency) {
        if (!money.currency().equals(currency)) {
            throw MONEY_IN_CONTRACT_CURRENCY.violation(what + " is in " + money.currency() + " but the contract is in "
                    + currency, "currency", money.currency(), "contractCurrency", currency);
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean isFraction(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "missing" : value.toPlainString();
    }

    private static RuleViolationException missing(String field, String detail) {
        return TERMS_INCOMPLETE.violation(detail, "missing", field);
    }

    /** A figure of the terms out of its range: the detail ends with the value given, as before. */
    private static RuleViolationException outOfRange(String field, Object value, String detail) {
        String given = value instanceof BigDecimal decimal ? plain(decimal) : String.valueOf(value);
        return TERMS_FIGURES_IN_RANGE.violation(detail + " (is " + (value == null ? "missing" : given) + ")",
                "field", field, "value", value == null ? "missing" : given);
    }

}
