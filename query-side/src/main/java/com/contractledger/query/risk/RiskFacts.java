package com.contractledger.query.risk;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.query.common.DeliveredTotals;

import java.util.List;

/**
 * What each event adds to the facts of a supplier's risk: the projection applies it to the stored views, the risk at a
 * point in time to views folded from the event store, so the two cannot count differently. An event that does not
 * bear on risk leaves the facts as they were (null before the supplier or contract exists).
 */
final class RiskFacts {

    private RiskFacts() {
    }

    static RiskSupplier supplier(RiskSupplier facts, Object event, Evidence evidence) {
        if (event instanceof SupplierOnboardedEvent e) {
            return new RiskSupplier(e.supplierId().value(), listOf(e.categories()), List.of(), List.of(), null,
                    listOf(e.certifications()).stream().map(c -> new RiskSupplier.Certification(c.name(),
                            c.validUntil(), evidence)).toList());
        }
        if (facts == null) {
            return null;
        }
        if (event instanceof SupplierClassifiedEvent e) {
            return facts.categorized(listOf(e.categories()));
        }
        if (event instanceof SupplierCreditAssessedEvent e) {
            return facts.assessed(new RiskSupplier.Credit(e.rating(), e.assessedOn(), evidence));
        }
        if (event instanceof RectificationRequestedEvent e) {
            return facts.rectification(new RiskSupplier.Rectification(e.rectificationId(), e.dueOn(), null,
                    List.of(evidence)));
        }
        if (event instanceof RectificationCompletedEvent e) {
            return facts.rectificationCompleted(e.rectificationId(), e.outcome(), evidence);
        }
        if (event instanceof SupplierPerformanceEvaluatedEvent e) {
            return facts.evaluated(new RiskSupplier.Evaluation(e.grade(), e.periodEnd(), evidence));
        }
        return facts;
    }

    /** {@code position} orders deliveries of one day across contracts: the time the event was stored. */
    static RiskContract contract(RiskContract facts, Object event, Evidence evidence, long position) {
        if (event instanceof ContractDraftedEvent e) {
            return RiskContract.drafted(e.contractId().value(), e.supplierId().value(),
                    new Money(e.terms().value(), e.currency()), evidence);
        }
        if (facts == null) {
            return null;
        }
        if (event instanceof ContractSignedEvent) {
            return facts.sign();
        }
        if (event instanceof ContractAmendedEvent e) {
            return ordered(facts, e.terms(), evidence);
        }
        if (event instanceof ContractRenewedEvent e) {
            return ordered(facts, e.terms(), evidence);
        }
        if (event instanceof ContractDeliveredEvent e) {
            DeliveredTotals totals = DeliveredTotals.of(e.lines());
            return facts.delivered(new RiskContract.Delivery(e.deliveredOn(), position, e.late(), e.daysLate(),
                    totals.delivered(), totals.rejected(), evidence));
        }
        if (event instanceof ContractBreachedEvent e) {
            return facts.breached(new RiskContract.Breach(e.type(), e.responsibleParty(), e.occurredOn(), evidence));
        }
        if (event instanceof DisputeOpenedEvent e) {
            return facts.disputeOpened(e.disputeId(), e.stage(), evidence);
        }
        if (event instanceof DisputeEscalatedEvent e) {
            return facts.dispute(e.disputeId(), d -> d.escalated(e.to(), evidence));
        }
        if (event instanceof DisputeResolvedEvent e) {
            return facts.dispute(e.disputeId(), d -> d.resolved(evidence));
        }
        return facts;
    }

    private static RiskContract ordered(RiskContract facts, ContractTerms terms, Evidence evidence) {
        return facts.ordered(new Money(terms.value(), facts.ordered().currency()), evidence);
    }

    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : items;
    }
}
