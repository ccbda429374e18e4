package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.LineItemChange;
import com.contractledger.api.contract.MilestoneChange;
import com.contractledger.api.contract.RenewContractCommand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.CHANGE_REPEATED;
import static com.contractledger.command.contract.ContractRule.NEW_ENTRY_INCOMPLETE;
import static com.contractledger.command.contract.ContractRule.RENEWAL_EXPIRY_IN_CHANGES;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOT_LATER;

/** Applies the requested changes of an amendment or renewal onto the terms in force. */
final class TermsAmendment {

    private TermsAmendment() {
    }

    static ContractTerms apply(ContractTerms current, ContractChanges changes) {
        return new ContractTerms(
                orElse(changes.title(), current.title()),
                lineItems(current.lineItems(), changes.lineItems()),
                deliveries(current.deliveries(), changes.deliveries()),
                orElse(changes.paymentTerms(), current.paymentTerms()),
                orElse(changes.qualityStandards(), current.qualityStandards()),
                orElse(changes.penaltyClause(), current.penaltyClause()),
                orElse(changes.guarantee(), current.guarantee()),
                orElse(changes.effectiveFrom(), current.effectiveFrom()),
                orElse(changes.expiresOn(), current.expiresOn()),
                renewalNoticeDays(current.renewalNoticeDays(), changes.renewalNoticeDays()));
    }

    private static Integer renewalNoticeDays(Integer current, Integer requested) {
        if (requested == null) {
            return current;
        }
        return requested == 0 ? null : requested;
    }

    /** The changes a renewal asks for; its new expiry is later than the current one and set by newExpiresOn alone. */
    static ContractChanges renewalChanges(ContractTerms current, RenewContractCommand cmd) {
        if (!cmd.newExpiresOn().isAfter(current.expiresOn())) {
            throw RENEWAL_NOT_LATER.violation("the new expiry " + cmd.newExpiresOn()
                    + " must be after the current expiry " + current.expiresOn(),
                    "newExpiresOn", cmd.newExpiresOn(), "currentExpiresOn", current.expiresOn());
        }
        ContractChanges requested = cmd.changes() == null ? ContractChanges.none() : cmd.changes();
        if (requested.expiresOn() != null) {
            throw RENEWAL_EXPIRY_IN_CHANGES.violation(
                    "a renewal sets the expiry through newExpiresOn; changes.expiresOn must be empty",
                    "changes.expiresOn", requested.expiresOn());
        }
        return requested;
    }

    static ContractTerms withExpiresOn(ContractTerms terms, LocalDate expiresOn) {
        return new ContractTerms(terms.title(), terms.lineItems(), terms.deliveries(), terms.paymentTerms(),
                terms.qualityStandards(), terms.penaltyClause(), terms.guarantee(), terms.effectiveFrom(), expiresOn,
                terms.renewalNoticeDays());
    }

    private static List<LineItem> lineItems(List<LineItem> current, List<LineItemChange> changes) {
        if (changes == null) {
            return current;
        }
        Map<String, LineItem> bySku = new LinkedHashMap<>();
        current.forEach(line -> bySku.put(line.sku(), line));
        Set<String> changed = new HashSet<>();
        for (LineItemChange change : changes) {
            if (!changed.add(change.sku())) {
                throw CHANGE_REPEATED.violation("line item " + change.sku() + " is changed more than once",
                        "sku", change.sku());
            }
            LineItem existing = bySku.get(change.sku());
            if (existing == null) {
                if (change.quantity() == null || change.unit() == null || change.unitPrice() == null) {
                    throw NEW_ENTRY_INCOMPLETE.violation("new line item " + change.sku()
                            + " needs a quantity, a unit and a unit price", "sku", change.sku());
                }
                bySku.put(change.sku(), new LineItem(change.sku(), change.description(), change.quantity(),
                        change.unit(), change.unitPrice()));
            } else {
                bySku.put(change.sku(), new LineItem(existing.sku(),
                        orElse(change.description(), existing.description()),
                        orElse(change.quantity(), existing.quantity()),
                        orElse(change.unit(), existing.unit()),
                        orElse(change.unitPrice(), existing.unitPrice())));
            }
        }
        return new ArrayList<>(bySku.values());
    }

    private static List<DeliveryMilestone> deliveries(List<DeliveryMilestone> current, List<MilestoneChange> changes) {
        if (changes == null) {
            return current;
        }
        Map<String, DeliveryMilestone> byId = new LinkedHashMap<>();
        current.forEach(milestone -> byId.put(milestone.milestoneId(), milestone));
        Set<String> changed = new HashSet<>();
        for (MilestoneChange change : changes) {
            if (!changed.add(change.milestoneId())) {
                throw CHANGE_REPEATED.violation("delivery milestone " + change.milestoneId()
                        + " is changed more than once", "milestoneId", change.milestoneId());
            }
            DeliveryMilestone existing = byId.get(change.milestoneId());
            if (existing == null) {
                if (change.dueOn() == null || change.lines() == null) {
                    throw NEW_ENTRY_INCOMPLETE.violation("new delivery milestone " + change.milestoneId()
                            + " needs a due date and lines", "milestoneId", change.milestoneId());
                }
                byId.put(change.milestoneId(), new DeliveryMilestone(change.milestoneId(), change.dueOn(), change.lines()));
            } else {
                byId.put(change.milestoneId(), new DeliveryMilestone(existing.milestoneId(),
                        orElse(change.dueOn(), existing.dueOn()),
                        orElse(change.lines(), existing.lines())));
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static <T> T orElse(T requested, T current) {
        return requested != null ? requested : current;
    }
}
