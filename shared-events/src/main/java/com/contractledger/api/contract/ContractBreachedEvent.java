package com.contractledger.api.contract;

import com.contractledger.api.common.Money;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A breach; {@code penalty} is computed from the penalty clause (zero where it does not apply). */
@Revision("1")
public record ContractBreachedEvent(ContractId contractId, String breachId, BreachType type, ResponsibleParty responsibleParty,
                                    String description, String relatedDeliveryId, LocalDate occurredOn, Money penalty,
                                    String penaltyCalculation) {
}
