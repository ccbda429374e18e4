package com.contractledger.query.risk;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.ResponsibleParty;
import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one contract tells about its supplier's risk: its deliveries, breaches and disputes with the events behind
 * them, and its ordered value once signed (the buyer's spend). Kept per contract, guarded by the contract's sequence.
 */
record RiskContract(@Id String id, String supplierId, Money ordered, Evidence orderedBy, boolean signed,
                    List<Delivery> deliveries, List<Breach> breaches, List<Dispute> disputes) {

    static final String COLLECTION = "risk_contracts";

    record Delivery(LocalDate deliveredOn, long position, boolean late, int daysLate, BigDecimal delivered,
                    BigDecimal rejected, Evidence evidence) {
    }

    record Breach(BreachType type, ResponsibleParty responsibleParty, LocalDate occurredOn, Evidence evidence) {
    }

    record Dispute(String disputeId, DisputeStage stage, boolean open, List<Evidence> evidence) {

        Dispute escalated(DisputeStage to, Evidence escalation) {
            return new Dispute(disputeId, to, open, plus(evidence, escalation));
        }

        Dispute resolved(Evidence resolution) {
            return new Dispute(disputeId, stage, false, plus(evidence, resolution));
        }
    }

    RiskContract {
        deliveries = List.copyOf(deliveries);
        breaches = List.copyOf(breaches);
        disputes = List.copyOf(disputes);
    }

    static RiskContract drafted(String id, String supplierId, Money ordered, Evidence evidence) {
        return new RiskContract(id, supplierId, ordered, evidence, false, List.of(), List.of(), List.of());
    }

    RiskContract ordered(Money value, Evidence evidence) {
        return new RiskContract(id, supplierId, value, evidence, signed, deliveries, breaches, disputes);
    }

    RiskContract sign() {
        return new RiskContract(id, supplierId, ordered, orderedBy, true, deliveries, breaches, disputes);
    }

    RiskContract delivered(Delivery delivery) {
        return new RiskContract(id, supplierId, ordered, orderedBy, signed, plus(deliveries, delivery), breaches,
                disputes);
    }

    RiskContract breached(Breach breach) {
        return new RiskContract(id, supplierId, ordered, orderedBy, signed, deliveries, plus(breaches, breach),
                disputes);
    }

    RiskContract disputeOpened(String disputeId, DisputeStage stage, Evidence evidence) {
        return new RiskContract(id, supplierId, ordered, orderedBy, signed, deliveries, breaches,
                plus(disputes, new Dispute(disputeId, stage, true, List.of(evidence))));
    }

    RiskContract dispute(String disputeId, UnaryOperator<Dispute> change) {
        return new RiskContract(id, supplierId, ordered, orderedBy, signed, deliveries, breaches,
                disputes.stream().map(d -> d.disputeId().equals(disputeId) ? change.apply(d) : d).toList());
    }

    private static <T> List<T> plus(List<T> items, T item) {
        List<T> more = new ArrayList<>(items);
        more.add(item);
        return more;
    }
}
