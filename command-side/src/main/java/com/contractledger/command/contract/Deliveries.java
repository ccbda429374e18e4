package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneLine;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.DELIVERY_EXCEEDS_REMAINING;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_NOT_DUE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_REPEATED;
import static com.contractledger.command.contract.ContractRule.DELIVERY_UNBALANCED;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_ACCEPTED;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * The deliveries recorded against a contract's milestones, a member of its aggregate: what each brought, what was
 * accepted of each sku at each milestone, and the rules a delivery and revised terms must meet against them.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Deliveries {

    /** A recorded delivery, kept for breach penalties. */
    record RecordedDelivery(String milestoneId, LocalDate deliveredOn, boolean late, int daysLate, Money deliveredValue) {
    }

    private Map<String, RecordedDelivery> recorded = new LinkedHashMap<>();
    /** Accepted quantity per delivery milestone and sku: milestoneId → sku → accepted. */
    private Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();

    Set<String> ids() {
        return recorded.keySet();
    }

    Optional<RecordedDelivery> get(String deliveryId) {
        return Optional.ofNullable(recorded.get(deliveryId));
    }

    /** Checks each delivered line against what remains due at the milestone; the goods' value at the terms' prices. */
    BigDecimal checkedValue(ContractTerms terms, DeliveryMilestone milestone, List<DeliveredLine> lines) {
        Set<String> skusSoFar = new HashSet<>();
        BigDecimal value = BigDecimal.ZERO;
        for (DeliveredLine line : lines) {
            check(milestone, line, skusSoFar);
            skusSoFar.add(line.sku());
            value = value.add(line.delivered().multiply(TermsRules.lineItem(terms, line.sku()).orElseThrow().unitPrice()));
        }
        return value;
    }

    private void check(DeliveryMilestone milestone, DeliveredLine line, Set<String> skusSoFar) {
        String where = "delivery milestone " + milestone.milestoneId();
        MilestoneLine due = lineOf(milestone, line.sku()).orElseThrow(() -> DELIVERY_SKU_NOT_DUE.violation(
                where + " has no line for sku " + line.sku(), "milestoneId", milestone.milestoneId(), "sku", line.sku()));
        if (skusSoFar.contains(line.sku())) {
            throw DELIVERY_SKU_REPEATED.violation("sku " + line.sku() + " appears more than once in the delivery",
                    "sku", line.sku());
        }
        if (line.accepted().add(line.rejected()).compareTo(line.delivered()) != 0) {
            throw DELIVERY_UNBALANCED.violation("sku " + line.sku() + ": accepted " + line.accepted().toPlainString()
                            + " + rejected " + line.rejected().toPlainString() + " must equal delivered "
                            + line.delivered().toPlainString(),
                    "sku", line.sku(), "accepted", line.accepted(), "rejected", line.rejected(),
                    "delivered", line.delivered());
        }
        BigDecimal remaining = due.quantity().subtract(accepted(milestone.milestoneId(), line.sku()));
        if (line.delivered().compareTo(remaining) > 0) {
            throw DELIVERY_EXCEEDS_REMAINING.violation("sku " + line.sku() + ": delivered "
                            + line.delivered().toPlainString() + " is more than the " + remaining.toPlainString()
                            + " remaining at " + where,
                    "milestoneId", milestone.milestoneId(), "sku", line.sku(), "delivered", line.delivered(),
                    "remaining", remaining);
        }
    }

    /** Whether the milestone is met once the lines' accepted goods are added to what was accepted before. */
    boolean metWith(DeliveryMilestone milestone, List<DeliveredLine> lines) {
        Map<String, BigDecimal> acceptedNow = new HashMap<>();
        lines.forEach(line -> acceptedNow.put(line.sku(), line.accepted()));
        return milestone.lines().stream().allMatch(line ->
                accepted(milestone.milestoneId(), line.sku()).add(acceptedNow.getOrDefault(line.sku(), BigDecimal.ZERO))
                        .compareTo(line.quantity()) >= 0);
    }

    boolean isMet(DeliveryMilestone milestone) {
        return milestone.lines().stream()
                .allMatch(line -> accepted(milestone.milestoneId(), line.sku()).compareTo(line.quantity()) >= 0);
    }

    /** Every milestone met and every line's quantity accepted: quantity not yet scheduled keeps a contract open. */
    boolean allAccepted(ContractTerms terms) {
        return terms.deliveries().stream().allMatch(this::isMet) && terms.lineItems().stream()
                .allMatch(line -> acceptedOfSku(line.sku()).compareTo(line.quantity()) >= 0);
    }

    /** Revised terms keep, per line item and per milestone, at least what was already accepted. */
    void checkRevised(ContractTerms revised) {
        for (LineItem line : revised.lineItems()) {
            BigDecimal acceptedOfSku = acceptedOfSku(line.sku());
            if (line.quantity().compareTo(acceptedOfSku) < 0) {
                throw REVISION_BELOW_ACCEPTED.violation("line item " + line.sku() + ": quantity "
                        + line.quantity().toPlainString() + " is below the " + acceptedOfSku.toPlainString()
                        + " already accepted", "sku", line.sku(), "quantity", line.quantity(), "accepted", acceptedOfSku);
            }
        }
        accepted.forEach((milestoneId, acceptedBySku) -> acceptedBySku.forEach((sku, acceptedOfSku) -> {
            BigDecimal due = TermsRules.delivery(revised, milestoneId).flatMap(m -> lineOf(m, sku))
                    .map(MilestoneLine::quantity).orElse(BigDecimal.ZERO);
            if (due.compareTo(acceptedOfSku) < 0) {
                throw REVISION_BELOW_ACCEPTED.violation("delivery milestone " + milestoneId + ": quantity of " + sku
                        + " " + due.toPlainString() + " is below the " + acceptedOfSku.toPlainString()
                        + " already accepted", "milestoneId", milestoneId, "sku", sku, "quantity", due,
                        "accepted", acceptedOfSku);
            }
        }));
    }

    private BigDecimal accepted(String milestoneId, String sku) {
        return accepted.getOrDefault(milestoneId, Map.of()).getOrDefault(sku, BigDecimal.ZERO);
    }

    private BigDecimal acceptedOfSku(String sku) {
        return accepted.values().stream()
                .map(bySku -> bySku.getOrDefault(sku, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Optional<MilestoneLine> lineOf(DeliveryMilestone milestone, String sku) {
        return milestone.lines().stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    @EventSourcingHandler
    void on(ContractDeliveredEvent event) {
        recorded.put(event.deliveryId(), new RecordedDelivery(event.milestoneId(), event.deliveredOn(), event.late(),
                event.daysLate(), event.deliveredValue()));
        Map<String, BigDecimal> bySku = accepted.computeIfAbsent(event.milestoneId(), id -> new HashMap<>());
        event.lines().forEach(line -> bySku.merge(line.sku(), line.accepted(), BigDecimal::add));
    }
}
