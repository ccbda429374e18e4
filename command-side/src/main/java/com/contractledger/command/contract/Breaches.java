package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.command.contract.Deliveries.RecordedDelivery;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_NOT_LATE;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_REPEATED;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * The breaches recorded on a contract, a member of its aggregate: a late delivery is penalised once, under the
 * penalty clause and within its cap over all penalties so far.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Breaches {

    record RecordedBreach(BreachType type, String relatedDeliveryId, Money penalty) {
    }

    private Map<String, RecordedBreach> recorded = new LinkedHashMap<>();

    Set<String> ids() {
        return recorded.keySet();
    }

    /** A LATE_DELIVERY breach names a delivery that was late and has no such breach yet. */
    void checkLateDelivery(String deliveryId, RecordedDelivery delivery) {
        if (!delivery.late()) {
            throw LATE_DELIVERY_BREACH_NOT_LATE.violation("delivery " + deliveryId
                            + " was not late, so it cannot be the subject of a LATE_DELIVERY breach",
                    "deliveryId", deliveryId, "daysLate", delivery.daysLate());
        }
        recorded.entrySet().stream()
                .filter(b -> b.getValue().type() == BreachType.LATE_DELIVERY
                        && deliveryId.equals(b.getValue().relatedDeliveryId()))
                .findFirst()
                .ifPresent(b -> {
                    throw LATE_DELIVERY_BREACH_REPEATED.violation("delivery " + deliveryId
                                    + " already has a LATE_DELIVERY breach (" + b.getKey() + ")",
                            "deliveryId", deliveryId, "breachId", b.getKey());
                });
    }

    PenaltyCalculator.Penalty penaltyFor(BreachType type, ResponsibleParty party, RecordedDelivery delivery,
                                         ContractTerms terms, Currency currency) {
        if (type != BreachType.LATE_DELIVERY || party != ResponsibleParty.SUPPLIER) {
            return PenaltyCalculator.none(currency, "the penalty clause covers late delivery by the supplier only");
        }
        if (delivery == null) {
            return PenaltyCalculator.none(currency, "no related delivery to price");
        }
        Money penaltiesSoFar = recorded.values().stream().map(RecordedBreach::penalty)
                .reduce(Money.zero(currency), Money::plus);
        return PenaltyCalculator.lateDelivery(terms.penaltyClause(), delivery.daysLate(), delivery.deliveredValue(),
                TermsRules.money(terms.value(), currency), penaltiesSoFar);
    }

    @EventSourcingHandler
    void on(ContractBreachedEvent event) {
        recorded.put(event.breachId(), new RecordedBreach(event.type(), event.relatedDeliveryId(), event.penalty()));
    }
}
